-- Source: adelsz/pgtyped — packages/example/src/books/books.sql (MIT License)
-- Complete file, unchanged apart from labels.
-- Classes: comment-prefix (each statement is preceded by a /* @name ... */ block, sometimes
--          multi-line), placeholders (pgtyped :name params and the :books spread "VALUES :books").
-- Convention for .sql files: the label sits on the first line of the statement proper (the
-- keyword line after the annotation comment).

/* @name FindBookById */
SELECT * FROM books WHERE id = :commentId; -- expect: static

/*
  @name InsertBooks
  @param books -> ((rank, name, authorId)...)
*/
INSERT INTO books (rank, name, author_id) -- expect: static
VALUES :books RETURNING id as book_id;

/*
  @name UpdateBooks
*/
UPDATE books -- expect: static
SET
    name = :name,
    rank = :rank
WHERE id = :id;


/* @name GetBooksByAuthorName */
SELECT b.* FROM books b -- expect: static
INNER JOIN authors a ON a.id = b.author_id
WHERE a.first_name || ' ' || a.last_name = :authorName;
