import Foundation
import PgQuery
import SourceLexing
import SQLScripts
import SQLText

/// Extracts findings from one file's bytes. Holds buffers and a small analysis cache that are
/// reused from file to file, so each worker thread owns one.
struct FileExtractor {
    /// Whether fragments handed to ORMs are reported.
    var includeFragments = false
    /// Wrappers learned from other files of the tree, by language family (see ``TreeWrappers``).
    var treeWrappers: [SQLLanguage: Set<String>] = [:]
    /// What the last ``extract(_:path:language:)`` learned about the tree.
    private(set) var learning = FileLearning()
    private var lexed = LexedSource()
    private var cache = AnalysisCache()

    init(includeFragments: Bool = false) {
        self.includeFragments = includeFragments
    }

    // MARK: - Entry

    /// Findings of a file; `path` is reported as is.
    mutating func extract(_ bytes: UnsafeBufferPointer<UInt8>, path: String, language: SQLLanguage) -> [SQLFinding] {
        learning = FileLearning()
        // Fragments (`where("a = ?")`) need no statement keyword, so asking for them reads every file.
        guard includeFragments || KeywordPrefilter.mayContainSQL(bytes) else { return [] }
        if language == .sql { return extractScript(bytes, path: path) }
        guard includeFragments || LiteralPrefilter.mayContainCandidate(bytes, language: language) else { return [] }
        lex(bytes, language: language)
        let assembler = ExpressionAssembler(bytes: bytes, lexed: lexed, language: language,
                                            treeWrappers: treeWrappers[TreeWrappers.family(language)] ?? [])
        learning.lexed = true
        learning.wrappers = assembler.wrappers
        let candidates = assembler.candidates()
        var findings: [SQLFinding] = []
        if includeFragments {
            for fragment in assembler.fragments() {
                guard let analysis = FragmentAnalyzer.analyze(fragment) else { continue }
                findings.append(finding(analysis, path: path, language: language, line: fragment.line,
                                        column: fragment.column))
            }
        }
        for candidate in candidates {
            let role = candidate.extendedLater ? max(candidate.context.role, .sqlNamed) : candidate.context.role
            let analyses = analyze(candidate.text, formatted: candidate.context.formatted,
                                   concatenated: candidate.concatenated, role: role)
            // Several statements that all parse are a script, whatever case they are written in; so
            // are statements that all open with upper-case keywords and are SQL together (a MySQL
            // schema, a T-SQL batch: `SET XACT_ABORT ON`, `BEGIN TRAN`).
            let script = analyses.count > 1 && (analyses.allSatisfy { $0.parseError == nil }
                || SQLClassifier.acceptsScript(analyses, role: role, laterArgument: candidate.context.laterArgument))
            // A lone keyword that a later `+=`/`.append` completes is the first piece of a statement.
            let firstPiece = candidate.extendedLater && analyses.count == 1 && candidate.context.role != .notSQL
                && (TextSignals.isSingleWord(analyses[0].parseText) || analyses[0].parseError != nil
                    && Self.mayOpenStatement(candidate.text))
            let found = findings.count
            let laterArgument = candidate.context.laterArgument
            for analysis in analyses where script || firstPiece
                || SQLClassifier.accepts(analysis, role: role, laterArgument: laterArgument) {
                findings.append(finding(analysis, of: candidate, path: path, language: language,
                                        sql: firstPiece ? analysis.sql + " {dynamic}" : nil))
            }
            // `BEGIN;` and `COMMIT;` around statements that are SQL by themselves are the script's.
            if analyses.count > 1, findings.count > found, findings.count - found < analyses.count {
                findings.removeSubrange(found...)
                for analysis in analyses where SQLClassifier.isWholeStatementWord(analysis)
                    || SQLClassifier.accepts(analysis, role: role, laterArgument: laterArgument) {
                    findings.append(finding(analysis, of: candidate, path: path, language: language))
                }
            }
            // A variable handed to an entry point later: the entry point's role decides (not for
            // a keyword in title case, prose's: looking ahead for the variable costs).
            if findings.count == found, role < .entryPoint, candidate.context.assignedTo >= 0,
               candidate.text.withUnsafeBufferPointer({ TextSignals.leadingKeywordCase($0) != .other }),
               assembler.isHandedToEntryPoint(candidate.context.assignedTo) {
                for analysis in analyze(candidate.text, formatted: candidate.context.formatted,
                                        concatenated: candidate.concatenated, role: .entryPoint)
                where SQLClassifier.accepts(analysis, role: .entryPoint) {
                    findings.append(finding(analysis, of: candidate, path: path, language: language))
                }
            }
            if findings.count == found, role < .entryPoint, let callee = candidate.context.unknownCallee,
               acceptedAsEntryPointArgument(candidate) {
                learning.unknownCallees.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[callee]), as: UTF8.self))
            }
        }
        return findings
    }

    /// Whether text that does not parse may still open a statement completed later: not prose
    /// (`Use the plain select() object…`: a keyword in title case), not a piece made to be appended
    /// (`" LOCK IN SHARE MODE"`: it opens with a blank).
    private static func mayOpenStatement(_ text: [UInt8]) -> Bool {
        guard let first = text.first, first != ASCII.space, first != ASCII.tab else { return false }
        return TextSignals.leadingKeywordCase(String(decoding: text, as: UTF8.self)) != .other
    }

    /// Whether some statement of `candidate` would be reported if it were handed to an entry point.
    private mutating func acceptedAsEntryPointArgument(_ candidate: SQLCandidate) -> Bool {
        analyze(candidate.text, formatted: candidate.context.formatted, concatenated: candidate.concatenated,
                role: .entryPoint).contains { SQLClassifier.accepts($0, role: .entryPoint) }
    }

    /// The wrappers a file defines (lower-cased names), for a file ``extract(_:path:language:)``
    /// did not lex.
    mutating func wrappers(_ bytes: UnsafeBufferPointer<UInt8>, language: SQLLanguage) -> Set<String> {
        lex(bytes, language: language)
        return WrapperLearner(bytes: bytes, tokens: lexed.tokens.elements, language: language).wrappers()
    }

    private mutating func lex(_ bytes: UnsafeBufferPointer<UInt8>, language: SQLLanguage) {
        lexed.reset()
        var lexer = SourceLexer(bytes: bytes, syntax: .forLanguage(language))
        lexer.run(into: &lexed)
    }

    // MARK: - SQL scripts

    private mutating func extractScript(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> [SQLFinding] {
        var script = Array(bytes)
        let ranges: [Range<Int>]
        var routines: Set<Int> = []
        if let batches = TSQLBatches.batches(script) {
            // SQL Server: split batch by batch; a routine's body holds `;` that do not end it.
            ranges = batches.flatMap { batch -> [Range<Int>] in
                if TSQLBatches.isRoutine(script, batch) {
                    routines.insert(batch.lowerBound)
                    return [batch]
                }
                var piece = Array(script[batch])
                let pieces = (try? PgQuery.split(utf8: &piece, usingParser: false)) ?? []
                return ScriptRanges.withSkippedStatements(pieces.map { ($0.lowerBound + batch.lowerBound)..<($0.upperBound + batch.lowerBound) },
                                             in: script, within: batch)
            }
        } else {
            guard let split = try? PgQuery.split(utf8: &script, usingParser: false) else { return [] }
            // A trigger of SQLite or MySQL: its body's `;` do not end it either.
            (ranges, routines) = RoutineBodies.joined(ScriptRanges.withSkippedStatements(split, in: script, within: 0..<script.count),
                                                      in: script)
        }
        var findings: [SQLFinding] = []
        var line = 1
        var lineStart = 0
        var counted = 0
        for range in ranges {
            guard let start = ScriptRanges.codeStart(script, in: range) else { continue }
            while counted < start {
                if script[counted] == ASCII.newline {
                    line += 1
                    lineStart = counted + 1
                }
                counted += 1
            }
            let text = Array(script[start..<range.upperBound])
            let analyses = routines.contains(range.lowerBound)
                ? StatementAnalyzer.analyze(text, formatted: false, concatenated: false, splittingScripts: false)
                : analyze(text, formatted: false, concatenated: false, role: .entryPoint)
            for analysis in analyses {
                findings.append(finding(analysis, path: path, language: .sql, line: line + analysis.lineOffset,
                                        column: analysis.lineOffset == 0 ? start - lineStart + 1 : 1))
            }
        }
        return findings
    }

    // MARK: - Helpers

    private mutating func analyze(_ text: [UInt8], formatted: Bool, concatenated: Bool,
                                  role: CallContext.Role) -> [StatementAnalysis] {
        let key = AnalysisCache.Key(text: text, formatted: formatted, concatenated: concatenated, role: role)
        if let cached = cache.analyses(for: key) { return cached }
        let result = StatementAnalyzer.analyze(text, formatted: formatted, concatenated: concatenated, role: role)
        cache.store(result, for: key)
        return result
    }

    /// The finding of one statement of `candidate`, on its own line.
    private func finding(_ analysis: StatementAnalysis, of candidate: SQLCandidate, path: String, language: SQLLanguage,
                         sql: String? = nil) -> SQLFinding {
        let line = analysis.lineOffset == 0 ? candidate.line : candidate.line + candidate.bodyLineDelta + analysis.lineOffset
        return finding(analysis, path: path, language: language, line: line,
                       column: analysis.lineOffset == 0 ? candidate.column : 1, sql: sql)
    }

    /// The finding of an analysis; `sql`, when given, is reported in place of the analysis' text.
    private func finding(_ analysis: StatementAnalysis, path: String, language: SQLLanguage, line: Int,
                         column: Int, sql: String? = nil) -> SQLFinding {
        SQLFinding(file: path, line: line, column: column, language: language,
                   statementType: analysis.statementType, tables: analysis.tables,
                   fingerprint: analysis.fingerprint, sql: sql ?? analysis.sql,
                   kind: analysis.fragment ? .fragment : (analysis.dynamic ? .dynamic : .static), parseError: analysis.parseError,
                   dialect: analysis.parseError == nil ? "postgresql" : LooseSQLReader.dialect(of: analysis.parseText))
    }
}
