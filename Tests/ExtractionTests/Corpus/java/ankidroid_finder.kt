// Source: ankidroid/Anki-Android, AnkiDroid/src/main/java/com/ichi2/libanki/Finder.kt (read_file id 47047824193,
// commit 041b550a845c8ccc78de10ca277893e76ccc6d65). Licence: GPL-3.0.
// Cut: one contiguous part of the class body, from the doc comment of findNotes(query, returnCid) to the end of
// _findFlag (336 source lines); one closing brace "}" of the class Finder was added at the end.
// Classes: Kotlin search compiler over Android SQLite (col.db.database.query(sql, args)): two whole SELECTs in
// the branches of an if-expression with a $preds hole; WHERE conditions returned by _find* helpers for
// splicing (string templates, + with constants, LIKE ? escape '\', bit mask ==, IN lists); ORDER BY clauses
// built with templates; sort lists kept in a variable (bare column lists and expression lists, COLLATE NOCASE,
// SQLite ==); decoys: the tokenizer's quote/paren characters, " and " / " or " / " not " connectors,
// config keys "sortType" / "sortBackwards", LIKE patterns added to args, a // 2**3 comment.
    /**
     *
     * @param query the query as in browser search langage.
     * @param returnCid if true, return a single cid of existing card by note. Otherwise return note id.
     * @return note or card id (at most one by note) of notes satisfying the query.
     */
    @KotlinCleanup("Remove 'returnCid' in V16.") // returnCid Not in libAnki
    fun findNotes(query: String, returnCid: Boolean): List<Long> {
        val tokens = _tokenize(query)
        val res1 = _where(tokens)
        var preds = res1.first
        val args = res1.second
        val res: MutableList<Long> = ArrayList()
        if (preds == null) {
            return res
        }
        preds = if ("" == preds) {
            "1"
        } else {
            "($preds)"
        }
        val sql: String
        sql = if (returnCid) {
            "select min(c.id) from cards c, notes n where c.nid=n.id and $preds group by n.id" // expect: dynamic
        } else {
            "select distinct(n.id) from cards c, notes n where c.nid=n.id and $preds" // expect: dynamic
        }
        try {
            col.db.database.query(sql, args).use { cur ->
                while (cur.moveToNext()) {
                    res.add(cur.getLong(0))
                }
            }
        } catch (e: SQLException) {
            Timber.w(e)
            // invalid grouping
            return ArrayList(0)
        }
        return res
    }

    /**
     * Tokenizing
     * ***********************************************************
     */
    fun _tokenize(query: String): Array<String> {
        var inQuote = 0.toChar()
        val tokens: MutableList<String> = ArrayList()
        var token = ""
        for (i in 0 until query.length) {
            // quoted text
            val c = query[i]
            if (c == '\'' || c == '"') {
                if (inQuote.code != 0) {
                    if (c == inQuote) {
                        inQuote = 0.toChar()
                    } else {
                        token += c
                    }
                } else if (token.length != 0) {
                    // quotes are allowed to start directly after a :
                    if (token.endsWith(":")) {
                        inQuote = c
                    } else {
                        token += c
                    }
                } else {
                    inQuote = c
                }
                // separator
            } else if (c == ' ') {
                if (inQuote.code != 0) {
                    token += c
                } else if (token.length != 0) {
                    // space marks token finished
                    tokens.add(token)
                    token = ""
                }
                // nesting
            } else if (c == '(' || c == ')') {
                if (inQuote.code != 0) {
                    token += c
                } else {
                    if (c == ')' && token.length != 0) {
                        tokens.add(token)
                        token = ""
                    }
                    tokens.add(c.toString())
                }
                // negation
            } else if (c == '-') {
                if (token.length != 0) {
                    token += c
                } else if (tokens.isEmpty() || "-" != tokens[tokens.size - 1]) {
                    tokens.add("-")
                }
                // normal character
            } else {
                token += c
            }
        }
        // if we finished in a token, add it
        if (token.length != 0) {
            tokens.add(token)
        }
        return tokens.toTypedArray()
    }
    /*
      Query building
      ***********************************************************
     */
    /**
     * LibAnki creates a dictionary and operates on it with an inner function inside _where().
     * AnkiDroid combines the two in this class instead.
     */
    class SearchState {
        var isnot = false
        var isor = false
        var join = false
        var q: String? = ""
        var bad = false
        fun add(txt: String?, wrap: Boolean = true) {
            // failed command?
            @Suppress("NAME_SHADOWING")
            var txt = txt
            if (TextUtils.isEmpty(txt)) {
                // if it was to be negated then we can just ignore it
                if (isnot) {
                    isnot = false
                } else {
                    bad = true
                }
                return
            } else if ("skip" == txt) {
                return
            }
            // do we need a conjunction?
            if (join) {
                if (isor) {
                    q += " or "
                    isor = false
                } else {
                    q += " and "
                }
            }
            if (isnot) {
                q += " not "
                isnot = false
            }
            if (wrap) {
                txt = "($txt)"
            }
            q += txt
            join = true
        }
    }

    private fun _where(tokens: Array<String>): Pair<String?, Array<String>?> {
        // state and query
        val s = SearchState()
        val args: MutableList<String> = ArrayList()
        for (token in tokens) {
            if (s.bad) {
                return Pair(null, null)
            }
            // special tokens
            if ("-" == token) {
                s.isnot = true
            } else if ("or".equals(token, ignoreCase = true)) {
                s.isor = true
            } else if ("(" == token) {
                s.add(token, false)
                s.join = false
            } else if (")" == token) {
                s.q += ")"
                // commands
            } else if (token.contains(":")) {
                val spl = token.split(":".toRegex(), 2).toTypedArray()
                val cmd = spl[0].lowercase()
                val `val` = spl[1]
                when (cmd) {
                    "added" -> s.add(_findAdded(`val`))
                    "card" -> s.add(_findTemplate(`val`))
                    "deck" -> s.add(_findDeck(`val`))
                    "flag" -> s.add(_findFlag(`val`))
                    "mid" -> s.add(_findMid(`val`))
                    "nid" -> s.add(_findNids(`val`))
                    "cid" -> s.add(_findCids(`val`))
                    "note" -> s.add(_findModel(`val`))
                    "prop" -> s.add(_findProp(`val`))
                    "rated" -> s.add(_findRated(`val`))
                    "tag" -> s.add(_findTag(`val`, args))
                    "dupe" -> s.add(_findDupes(`val`))
                    "is" -> s.add(_findCardState(`val`))
                    else -> s.add(_findField(cmd, `val`))
                }
                // normal text search
            } else {
                s.add(_findText(token, args))
            }
        }
        return if (s.bad) {
            Pair(null, null)
        } else Pair(s.q, args.toTypedArray())
    }

    /**
     * Ordering
     * ***********************************************************
     */
    /*
     * NOTE: In the python code, _order() follows a code path based on:
     * - Empty order string (no order)
     * - order = False (no order)
     * - Non-empty order string (custom order)
     * - order = True (built-in order)
     * The python code combines all code paths in one function. In Java, we must overload the method
     * in order to consume either a String (no order, custom order) or a Boolean (no order, built-in order).
     */
    private fun _order(order: SortOrder): Pair<String, Boolean> {
        if (order is NoOrdering) {
            return Pair("", false)
        }
        if (order is AfterSqlOrderBy) {
            val query = order.customOrdering
            return if (TextUtils.isEmpty(query)) {
                _order(NoOrdering())
            } else {
                // custom order string provided
                Pair(" order by $query", false) // expect: fragment
            }
        }
        if (order is UseCollectionOrdering) {
            // use deck default
            val type = col.get_config_string("sortType")
            var sort: String? = null
            if (type.startsWith("note")) {
                if (type.startsWith("noteCrt")) {
                    sort = "n.id, c.ord"
                } else if (type.startsWith("noteMod")) {
                    sort = "n.mod, c.ord"
                } else if (type.startsWith("noteFld")) {
                    sort = "n.sfld COLLATE NOCASE, c.ord" // expect: fragment
                }
            } else if (type.startsWith("card")) {
                if (type.startsWith("cardMod")) {
                    sort = "c.mod"
                } else if (type.startsWith("cardReps")) {
                    sort = "c.reps"
                } else if (type.startsWith("cardDue")) {
                    sort = "c.type, c.due"
                } else if (type.startsWith("cardEase")) {
                    sort = "c.type == " + Consts.CARD_TYPE_NEW + ", c.factor" // expect: fragment
                } else if (type.startsWith("cardLapses")) {
                    sort = "c.lapses"
                } else if (type.startsWith("cardIvl")) {
                    sort = "c.ivl"
                }
            }
            if (sort == null) {
                // deck has invalid sort order; revert to noteCrt
                sort = "n.id, c.ord"
            }
            val sortBackwards = col.get_config_boolean("sortBackwards")
            return Pair(" ORDER BY $sort", sortBackwards) // expect: fragment
        }
        throw IllegalStateException("unhandled order type: $order")
    }

    /**
     * Commands
     * ***********************************************************
     */
    private fun _findTag(`val`: String, args: MutableList<String>): String {
        @Suppress("NAME_SHADOWING")
        var `val` = `val`
        if ("none" == `val`) {
            return "n.tags = \"\"" // expect: fragment
        }
        `val` = `val`.replace("*", "%")
        if (!`val`.startsWith("%")) {
            `val` = "% $`val`"
        }
        if (!`val`.endsWith("%") || `val`.endsWith("\\%")) {
            args.add("$`val` %")
        } else {
            args.add(`val`)
        }
        // match descendants
        if (`val`.endsWith("::")) {
            args.add("$`val`%")
        } else {
            args.add("$`val`::%")
        }
        return "((n.tags like ? escape '\\') or (n.tags like ? escape '\\'))" // expect: fragment
    }

    private fun _findCardState(`val`: String): String? {
        val n: Int
        return if ("review" == `val` || "new" == `val` || "learn" == `val`) {
            n = if ("review" == `val`) {
                2
            } else if ("new" == `val`) {
                0
            } else {
                return "queue IN (1, " + Consts.QUEUE_TYPE_DAY_LEARN_RELEARN + ")" // expect: fragment
            }
            "type = $n" // expect: fragment
        } else if ("suspended" == `val`) {
            "c.queue = " + Consts.QUEUE_TYPE_SUSPENDED // expect: fragment
        } else if ("buried" == `val`) {
            "c.queue in (" + Consts.QUEUE_TYPE_SIBLING_BURIED + ", " + Consts.QUEUE_TYPE_MANUALLY_BURIED + ")" // expect: fragment
        } else if ("due" == `val`) {
            "(c.queue in (" + Consts.QUEUE_TYPE_REV + "," + Consts.QUEUE_TYPE_DAY_LEARN_RELEARN + ") and c.due <= " + col.sched.today + // expect: fragment
                ") or (c.queue = " + Consts.QUEUE_TYPE_LRN + " and c.due <= " + col.sched.dayCutoff + ")"
        } else {
            null
        }
    }

    private fun _findFlag(`val`: String): String? {
        val flag: Int
        flag = when (`val`) {
            "0" -> 0
            "1" -> 1
            "2" -> 2
            "3" -> 3
            "4" -> 4
            "5" -> 5
            "6" -> 6
            "7" -> 7
            else -> return null
        }
        val mask = 7 // 2**3 -1 in Anki
        return "(c.flags & $mask) == $flag" // expect: fragment
    }
}
