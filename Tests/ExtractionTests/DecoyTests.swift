@testable import Extraction
@testable import SourceLexing
import Testing

@Suite("Text that is not SQL")
struct DecoyTests {
    @Test(arguments: [
        (SQLLanguage.python, #"title = "Select a file""#),
        (.python, #"print("update your profile")"#),
        (.python, #"log.warning("delete from cache failed")"#),
        (.python, "# cur.execute(\"SELECT * FROM users\")"),
        (.python, #"msg = "Update your profile to continue.""#),
        (.javascript, #"const label = 'Select language';"#),
        (.javascript, "// db.query('SELECT 1')\nconst x = 1;"),
        (.javascript, #"throw new Error("Insert failed: " + err)"#),
        (.typescript, "const q = gql`query { users { id } }`;"),
        (.go, #"log.Printf("select failed: %v", err)"#),
        (.java, #"@Query("SELECT u FROM User u WHERE u.email = :email")"#),
        (.java, #"em.createQuery("SELECT o FROM Order o WHERE o.total > 10")"#),
        (.java, #"String s = "Select all";"#),
        (.ruby, #"flash[:notice] = "Update complete""#),
        (.php, #"<?php echo "Delete this post?";"#),
        (.csharp, #"var text = "Drop files here";"#),
        (.swift, #"let title = "Create an account""#),
        (.kotlin, #"val s = "Select one""#),
    ])
    func notReported(language: SQLLanguage, source: String) {
        let findings = extract(source, language)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func jpqlLooksLikeJPQL() throws {
        #expect(SQLClassifier.looksLikeJPQL(try firstStatement("SELECT c FROM Customer c WHERE c.email = $1")))
        #expect(SQLClassifier.looksLikeJPQL(try firstStatement("SELECT i FROM Purchase p, p.items i")))
        #expect(!SQLClassifier.looksLikeJPQL(try firstStatement("SELECT u.id FROM users u")))
    }
}
