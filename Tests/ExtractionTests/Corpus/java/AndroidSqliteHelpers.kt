// Source: two Kotlin SQLiteOpenHelper classes found with find_string 'db.execSQL("CREATE TABLE $'
// (index ids 5067535309 [package com.example.hackathon_guru.DB] and 33033898249 [package
// quick.SMS]); repository names not returned. Verbatim; 5067535309 is an excerpt (onCreate,
// onUpgrade and eight of its query methods, companion object), 33033898249 is complete. The
// second class is renamed SmsDatabaseHelper (both are called DatabaseHelper in their sources).
// Classes: dynamic (Kotlin string templates "$TABLE_USER" of constants inside execSQL /
//          rawQuery — like Swift \(x) in a plain String, the text is built at run time —, and
//          "select * from " + TABLE_NAME concatenation; multi-line "…" + "…" statements are
//          labelled on their first piece only), fragments (WHERE clauses handed to Android's
//          SQLiteDatabase.query/delete/update: "$COLUMN_USER_EMAIL = ?", "id = ?", a clause with
//          an IN (SELECT …) subquery — placeholders ?), lower-case SQL, SQLite AUTOINCREMENT,
//          decoys (ContentValues.put(COL_2, …), getColumnIndex("receipient_id"), println texts
//          "will remove", Korean comments, block comments, database file names "Messages.db").

// ---------------------------------------------------------------- id 5067535309 (excerpt)
package com.example.hackathon_guru.DB

import android.content.ContentValues
import android.content.Context
import android.database.Cursor
import android.database.sqlite.SQLiteDatabase
import android.database.sqlite.SQLiteOpenHelper

class DatabaseHelper(context: Context) : SQLiteOpenHelper(context, DATABASE_NAME, null, DATABASE_VERSION) {

    override fun onCreate(db: SQLiteDatabase) {
        // User 테이블 생성
        db.execSQL("CREATE TABLE $TABLE_USER (" + // expect: dynamic
                "$COLUMN_USER_EMAIL TEXT PRIMARY KEY, " +
                "$COLUMN_USER_NAME TEXT, " +
                "$COLUMN_USER_PASSWORD TEXT)")

        // Friend 테이블 생성
        db.execSQL("CREATE TABLE $TABLE_FRIEND (" + // expect: dynamic
                "$COLUMN_USER_EMAIL TEXT, " +
                "$COLUMN_FRIEND_EMAIL TEXT, " +
                "$COLUMN_FRIEND_NAME TEXT, " +
                "PRIMARY KEY ($COLUMN_USER_EMAIL, $COLUMN_FRIEND_EMAIL))")
    }

    override fun onUpgrade(db: SQLiteDatabase, oldVersion: Int, newVersion: Int) {
        db.execSQL("DROP TABLE IF EXISTS $TABLE_USER") // expect: dynamic
        db.execSQL("DROP TABLE IF EXISTS $TABLE_FRIEND") // expect: dynamic
        onCreate(db)
    }

    // 사용자 추가
    fun addUser(name: String, email: String, password: String) {
        val db = writableDatabase
        val values = ContentValues().apply {
            put(COLUMN_USER_NAME, name)
            put(COLUMN_USER_EMAIL, email)
            put(COLUMN_USER_PASSWORD, password)
        }
        db.insert(TABLE_USER, null, values)
    }

    // 로그인 시 사용자 확인
    fun getUser(email: String, password: String): Boolean {
        val db = readableDatabase
        val cursor = db.query(TABLE_USER, arrayOf(COLUMN_USER_EMAIL),
            "$COLUMN_USER_EMAIL = ? AND $COLUMN_USER_PASSWORD = ?", // expect: fragment
            arrayOf(email, password), null, null, null)
        val exists = cursor.moveToFirst()
        cursor.close()
        return exists
    }

    // 사용자 이름 가져오기
    fun getUserNameByEmail(email: String): String? {
        val db = readableDatabase
        val cursor = db.query(TABLE_USER, arrayOf(COLUMN_USER_NAME), "$COLUMN_USER_EMAIL = ?", arrayOf(email), null, null, null) // expect: fragment
        return if (cursor.moveToFirst()) {
            val userName = cursor.getString(cursor.getColumnIndexOrThrow(COLUMN_USER_NAME))
            cursor.close()
            userName
        } else {
            cursor.close()
            null
        }
    }

    // 사용자 삭제 (이름을 통해)
    fun deleteUserByName(name: String) {
        val db = writableDatabase
        db.delete(TABLE_USER, "$COLUMN_USER_NAME = ?", arrayOf(name)) // expect: fragment
        db.delete(TABLE_FRIEND, "$COLUMN_USER_EMAIL IN (SELECT $COLUMN_USER_EMAIL FROM $TABLE_USER WHERE $COLUMN_USER_NAME = ?)", arrayOf(name)) // 친구 목록에서도 삭제 // expect: fragment
    }


    // 사용자 이름 업데이트
    fun updateUserName(email: String, newName: String) {
        val db = writableDatabase
        val values = ContentValues().apply {
            put(COLUMN_USER_NAME, newName)
        }
        db.update(TABLE_USER, values, "$COLUMN_USER_EMAIL = ?", arrayOf(email)) // expect: fragment
    }

    // 친구 목록 가져오기
    fun getFriends(userEmail: String): Cursor {
        val db = readableDatabase
        return db.query(TABLE_FRIEND, arrayOf(COLUMN_FRIEND_NAME), "$COLUMN_USER_EMAIL = ?", arrayOf(userEmail), null, null, null) // expect: fragment
    }

    // 친구 추가
    fun addFriend(userEmail: String, friendEmail: String, friendName: String) {
        val db = writableDatabase
        val values = ContentValues().apply {
            put(COLUMN_USER_EMAIL, userEmail)
            put(COLUMN_FRIEND_EMAIL, friendEmail)
            put(COLUMN_FRIEND_NAME, friendName)
        }
        db.insert(TABLE_FRIEND, null, values)
    }

    // 친구 삭제
    fun deleteFriend(userEmail: String, friendName: String) {
        val db = writableDatabase
        db.delete(TABLE_FRIEND, "$COLUMN_USER_EMAIL = ? AND $COLUMN_FRIEND_NAME = ?", arrayOf(userEmail, friendName)) // expect: fragment
    }

    companion object {
        private const val DATABASE_NAME = "hackathon_guru.db"
        private const val DATABASE_VERSION = 1

        const val TABLE_USER = "User"
        const val COLUMN_USER_EMAIL = "user_email"
        const val COLUMN_USER_NAME = "user_name"
        const val COLUMN_USER_PASSWORD = "user_password"

        const val TABLE_FRIEND = "Friend"
        const val COLUMN_FRIEND_EMAIL = "friend_email"
        const val COLUMN_FRIEND_NAME = "friend_name"
    }
}

// ---------------------------------------------------------------- id 33033898249 (complete)
// package quick.SMS

class SmsDatabaseHelper(context: Context) : SQLiteOpenHelper(context, DATABASE_NAME, null, 1) {
    override fun onCreate(db: SQLiteDatabase) {
        db.execSQL("create table $TABLE_NAME (id INTEGER PRIMARY KEY AUTOINCREMENT,receipient_id LONG,message TEXT)") // expect: dynamic
        println("this has gotten done")
    }

    override fun onUpgrade(db: SQLiteDatabase, oldVersion: Int, newVersion: Int) {
        db.execSQL("DROP TABLE IF EXISTS " + TABLE_NAME) // expect: dynamic
        onCreate(db)
    }

    fun insertData(receipient_id: Long, message: String) {
        val db = this.writableDatabase
        val contentValues = ContentValues()
        contentValues.put(COL_2, receipient_id)
        contentValues.put(COL_3, message)
        db.insert(TABLE_NAME, null, contentValues)

    }
    val allData: Cursor
        get() {
            val db = this.writableDatabase
            val res = db.rawQuery("select * from " + TABLE_NAME, null) // expect: dynamic
            return res
        }


    fun updateData(id: String, receipient_id: Long, message: String): Boolean {
        val db = this.writableDatabase
        val contentValues = ContentValues()
        contentValues.put(COL_1, id)
        contentValues.put(COL_2, receipient_id)
        contentValues.put(COL_3, message)
        db.update(TABLE_NAME, contentValues, "ID = ?", arrayOf(id)) // expect: fragment
        return true
    }

    fun returnAll(receipient_id:Long): List<String>? {
        val db = this.writableDatabase
        val res = db.rawQuery("select * from " + TABLE_NAME, null) // expect: dynamic
        var messages: MutableList<String> = mutableListOf()
        while(res.moveToNext()){
            if(receipient_id.toString() == res.getString(res.getColumnIndex("receipient_id"))){
                /* So if the row is for this particular receipient_id, then we get the message and
                * we shall add it to the messages list */
                messages.add(res.getString(res.getColumnIndex("message"))) /*Adding to messages*/
            }
        }
        return messages
    }

    fun deleteData(id: String): Int {
        val db = this.writableDatabase
        return db.delete(TABLE_NAME, "id = ?", arrayOf(id)) // expect: fragment
    }
    fun deleteRow(id:String){
        val db = this.writableDatabase
        db.delete(TABLE_NAME, "id = ?", arrayOf(id)) // expect: fragment
    }

    fun deleteEntireDB() {
        /*USE THIS FUNCTION WISELY, WITH GREAT POWER COMES GREAT RESPONSIBILITY*/
        val db = this.writableDatabase
        db.delete(TABLE_NAME, null, null)
    }
    fun deleteReceipient(receipient_id: Long){
        val db = this.writableDatabase
        val res = db.rawQuery("select * from " + TABLE_NAME, null) // expect: dynamic

        while(res.moveToNext()){
          if(receipient_id.toString() == res.getString(res.getColumnIndex("receipient_id"))){
              println("will remove" + res.getString(res.getColumnIndex("id")))
              /*So if the row is for this particular receipient_id, then we get the message and we shall add it to the messages list */
              db.delete(TABLE_NAME, "id = ?", arrayOf(res.getString(res.getColumnIndex("id")))) // expect: fragment
          }
        }
    }
    companion object {
        val DATABASE_NAME = "Messages.db"
        val TABLE_NAME = "databasetable"
        val COL_1 = "id"
        val COL_2 = "receipient_id"
        val COL_3 = "message"
    }
}
