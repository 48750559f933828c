// Source: a GRDB "Tour" playground (GRDB.swift playground "Tour", Copyright Gwendal Roué, MIT
// License; found with find_string, index id 238564555; the index did not return the repository
// name). Excerpt: connection setup, "Execute SQL queries", "Fetch database rows and values",
// "Insert and fetch records" — unchanged apart from labels.
// Classes: ordinary GRDB statements (execute(sql:), Row.fetchCursor, Int.fetchOne,
//          String.fetchAll, Place.fetchAll), placeholders (?), decoys (column keys row["title"],
//          Column("title") in the query interface, databaseTableName = "place", trace output
//          "SQL> ...", the printed label "Fetched").

import GRDB
import CoreLocation

// Open an in-memory database that logs all SQL statements
var configuration = Configuration()
configuration.prepareDatabase { db in
    db.trace { print("SQL> \($0)") }
}
let dbQueue = try DatabaseQueue(configuration: configuration)

//: Execute SQL queries

try dbQueue.inDatabase { db in
    // expect-next: static
    try db.execute(sql: """
        CREATE TABLE place (
            id INTEGER PRIMARY KEY,
            title TEXT,
            favorite BOOLEAN NOT NULL,
            latitude DOUBLE NOT NULL,
            longitude DOUBLE NOT NULL
        )
        """)

    // expect-next: static
    try db.execute(sql: """
        INSERT INTO place (title, favorite, latitude, longitude)
        VALUES (?, ?, ?, ?)
        """, arguments: ["Paris", true, 48.85341, 2.3488])
    let parisId = db.lastInsertedRowID
}

//: Fetch database rows and values

try! dbQueue.inDatabase { db in
    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM place") // expect: static
    while let row = try rows.next() {
        let title: String = try row["title"]
        let favorite: Bool = try row["favorite"]
        let coordinate = try CLLocationCoordinate2D(
            latitude: row["latitude"],
            longitude: row["longitude"])
        print("Fetched", title, favorite, coordinate)
    }

    let placeCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM place")! // Int  // expect: static
    let placeTitles = try String.fetchAll(db, sql: "SELECT title FROM place") // [String]  // expect: static
}

//: Insert and fetch records

extension Place : TableRecord {
    static let databaseTableName = "place"
}

try dbQueue.inDatabase { db in
    // Fetch from SQL
    let places = try Place.fetchAll(db, sql: "SELECT * FROM place") // [Place]  // expect: static

    //: Avoid SQL with the query interface:

    let title = Column("title")
    let favorite = Column("favorite")

    let berlin = try Place.filter(title == "Berlin").fetchOne(db)!   // Place
    let favoritePlaces = try Place                               // [Place]
        .filter(favorite == true)
        .order(title)
        .fetchAll(db)
}
