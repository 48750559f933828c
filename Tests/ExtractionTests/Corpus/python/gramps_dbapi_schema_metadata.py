# Source: gramps-project/gramps, gramps/plugins/db/dbapi/dbapi.py (read_file id 14690996070, commit 013617dafbf2ca9e4ada7f99c734d365d86974bb).
# Cut: one contiguous part of the DBAPI class body, from `def _create_schema(self):` to the end of
# `get_event_handles` (kept at its class indentation). Licence: GPL-2.0-or-later (Gramps). Internal testing only.
# Classes: wrappers (self.dbapi.execute over SQLite/PostgreSQL/MySQL drivers), schema creation in code
# (CREATE TABLE / CREATE INDEX split over adjacent literals), ? placeholders, a constant SELECT joined with +,
# COLLATE glocale, index on a column named desc (hard), decoys (docstrings naming BEGIN/END/ROLLBACK, log texts).

    def _create_schema(self):
        """
        Create and update schema.
        """
        # make sure schema is up to date:
        self.dbapi.execute('CREATE TABLE person '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'given_name TEXT, '
                           'surname TEXT, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE family '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'father_handle VARCHAR(50), '
                           'mother_handle VARCHAR(50), '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE source '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE citation '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE event '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE media '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE place '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'enclosed_by VARCHAR(50), '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE repository '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE note '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'gramps_id TEXT, '
                           'blob_data BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE tag '  # expect: static
                           '('
                           'handle VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'blob_data BLOB'
                           ')')
        # Secondary:
        self.dbapi.execute('CREATE TABLE reference '  # expect: static
                           '('
                           'obj_handle VARCHAR(50), '
                           'obj_class TEXT, '
                           'ref_handle VARCHAR(50), '
                           'ref_class TEXT'
                           ')')
        self.dbapi.execute('CREATE TABLE name_group '  # expect: static
                           '('
                           'name VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'grouping TEXT'
                           ')')
        self.dbapi.execute('CREATE TABLE metadata '  # expect: static
                           '('
                           'setting VARCHAR(50) PRIMARY KEY NOT NULL, '
                           'value BLOB'
                           ')')
        self.dbapi.execute('CREATE TABLE gender_stats '  # expect: static
                           '('
                           'given_name TEXT, '
                           'female INTEGER, '
                           'male INTEGER, '
                           'unknown INTEGER'
                           ')')

        self.rebuild_secondary_fields()

        ## Indices:
        self.dbapi.execute('CREATE INDEX person_gramps_id '  # expect: static
                           'ON person(gramps_id)')
        self.dbapi.execute('CREATE INDEX person_surname '  # expect: static
                           'ON person(surname)')
        self.dbapi.execute('CREATE INDEX person_given_name '  # expect: static
                           'ON person(given_name)')
        self.dbapi.execute('CREATE INDEX source_title '  # expect: static
                           'ON source(title)')
        self.dbapi.execute('CREATE INDEX source_gramps_id '  # expect: static
                           'ON source(gramps_id)')
        self.dbapi.execute('CREATE INDEX citation_page '  # expect: static
                           'ON citation(page)')
        self.dbapi.execute('CREATE INDEX citation_gramps_id '  # expect: static
                           'ON citation(gramps_id)')
        self.dbapi.execute('CREATE INDEX media_desc '  # expect: static
                           'ON media(desc)')
        self.dbapi.execute('CREATE INDEX media_gramps_id '  # expect: static
                           'ON media(gramps_id)')
        self.dbapi.execute('CREATE INDEX place_title '  # expect: static
                           'ON place(title)')
        self.dbapi.execute('CREATE INDEX place_enclosed_by '  # expect: static
                           'ON place(enclosed_by)')
        self.dbapi.execute('CREATE INDEX place_gramps_id '  # expect: static
                           'ON place(gramps_id)')
        self.dbapi.execute('CREATE INDEX tag_name '  # expect: static
                           'ON tag(name)')
        self.dbapi.execute('CREATE INDEX reference_ref_handle '  # expect: static
                           'ON reference(ref_handle)')
        self.dbapi.execute('CREATE INDEX family_gramps_id '  # expect: static
                           'ON family(gramps_id)')
        self.dbapi.execute('CREATE INDEX event_gramps_id '  # expect: static
                           'ON event(gramps_id)')
        self.dbapi.execute('CREATE INDEX repository_gramps_id '  # expect: static
                           'ON repository(gramps_id)')
        self.dbapi.execute('CREATE INDEX note_gramps_id '  # expect: static
                           'ON note(gramps_id)')
        self.dbapi.execute('CREATE INDEX reference_obj_handle '  # expect: static
                           'ON reference(obj_handle)')


    def _close(self):
        self.dbapi.close()

    def _txn_begin(self):
        """
        Lowlevel interface to the backend transaction.
        Executes a db BEGIN;
        """
        _LOG.debug("    DBAPI %s transaction begin", hex(id(self)))
        self.dbapi.begin()

    def _txn_commit(self):
        """
        Lowlevel interface to the backend transaction.
        Executes a db END;
        """
        _LOG.debug("    DBAPI %s transaction commit", hex(id(self)))
        self.dbapi.commit()

    def _txn_abort(self):
        """
        Lowlevel interface to the backend transaction.
        Executes a db ROLLBACK;
        """
        self.dbapi.rollback()

    def transaction_begin(self, transaction):
        """
        Transactions are handled automatically by the db layer.
        """
        _LOG.debug("    %sDBAPI %s transaction begin for '%s'",
                   "Batch " if transaction.batch else "",
                   hex(id(self)), transaction.get_description())
        self.transaction = transaction
        self.dbapi.begin()
        return transaction

    def transaction_commit(self, txn):
        """
        Executed at the end of a transaction.
        """
        _LOG.debug("    %sDBAPI %s transaction commit for '%s'",
                   "Batch " if txn.batch else "",
                   hex(id(self)), txn.get_description())

        action = {TXNADD: "-add",
                  TXNUPD: "-update",
                  TXNDEL: "-delete",
                  None: "-delete"}
        if txn.batch:
            # FIXME: need a User GUI update callback here:
            self.reindex_reference_map(lambda percent: percent)
        self.dbapi.commit()
        if not txn.batch:
            # Now, emit signals:
            for (obj_type_val, txn_type_val) in list(txn):
                if obj_type_val == REFERENCE_KEY:
                    continue
                if txn_type_val == TXNDEL:
                    handles = [handle for (handle, data) in
                               txn[(obj_type_val, txn_type_val)]]
                else:
                    handles = [handle for (handle, data) in
                               txn[(obj_type_val, txn_type_val)]
                               if (handle, None)
                               not in txn[(obj_type_val, TXNDEL)]]
                if handles:
                    signal = KEY_TO_NAME_MAP[
                        obj_type_val] + action[txn_type_val]
                    self.emit(signal, (handles, ))
        self.transaction = None
        msg = txn.get_description()
        self.undodb.commit(txn, msg)
        self._after_commit(txn)
        txn.clear()
        self.has_changed = True

    def transaction_abort(self, txn):
        """
        Executed after a batch operation abort.
        """
        self.dbapi.rollback()
        self.transaction = None
        txn.clear()
        txn.first = None
        txn.last = None
        self._after_commit(txn)

    def _get_metadata(self, key, default=[]):
        """
        Get an item from the database.

        Default is an empty list, which is a mutable and
        thus a bad default (pylint will complain).

        However, it is just used as a value, and not altered, so
        its use here is ok.
        """
        self.dbapi.execute(
            "SELECT value FROM metadata WHERE setting = ?", [key])  # expect: static
        row = self.dbapi.fetchone()
        if row:
            return pickle.loads(row[0])
        elif default == []:
            return []
        else:
            return default

    def _set_metadata(self, key, value):
        """
        key: string
        value: item, will be serialized here
        """
        self.dbapi.execute("SELECT 1 FROM metadata WHERE setting = ?", [key])  # expect: static
        row = self.dbapi.fetchone()
        if row:
            self.dbapi.execute(
                "UPDATE metadata SET value = ? WHERE setting = ?",  # expect: static
                [pickle.dumps(value), key])
        else:
            self.dbapi.execute(
                "INSERT INTO metadata (setting, value) VALUES (?, ?)",  # expect: static
                [key, pickle.dumps(value)])

    def get_name_group_keys(self):
        """
        Return the defined names that have been assigned to a default grouping.
        """
        self.dbapi.execute("SELECT name FROM name_group ORDER BY name")  # expect: static
        rows = self.dbapi.fetchall()
        return [row[0] for row in rows]

    def get_name_group_mapping(self, key):
        """
        Return the default grouping name for a surname.
        """
        self.dbapi.execute(
            "SELECT grouping FROM name_group WHERE name = ?", [key])  # expect: static
        row = self.dbapi.fetchone()
        if row:
            return row[0]
        else:
            return key

    def get_person_handles(self, sort_handles=False):
        """
        Return a list of database handles, one handle for each Person in
        the database.

        If sort_handles is True, the list is sorted by surnames.
        """
        if sort_handles:
            self.dbapi.execute("SELECT handle FROM person "  # expect: static
                               "ORDER BY surname COLLATE glocale")
        else:
            self.dbapi.execute("SELECT handle FROM person")  # expect: static
        rows = self.dbapi.fetchall()
        return [bytes(row[0], "utf-8") for row in rows]

    def get_family_handles(self, sort_handles=False):
        """
        Return a list of database handles, one handle for each Family in
        the database.

        If sort_handles is True, the list is sorted by surnames.
        """
        if sort_handles:
            sql = ("SELECT family.handle " +  # expect: static
                   "FROM family " +
                   "LEFT JOIN person AS father " +
                   "ON family.father_handle = father.handle " +
                   "LEFT JOIN person AS mother " +
                   "ON family.mother_handle = mother.handle " +
                   "ORDER BY (CASE WHEN father.handle IS NULL " +
                   "THEN mother.surname " +
                   "ELSE father.surname " +
                   "END), " +
                   "(CASE WHEN family.handle IS NULL " +
                   "THEN mother.given_name " +
                   "ELSE father.given_name " +
                   "END) " +
                   "COLLATE glocale")
            self.dbapi.execute(sql)
        else:
            self.dbapi.execute("SELECT handle FROM family")  # expect: static
        rows = self.dbapi.fetchall()
        return [bytes(row[0], "utf-8") for row in rows]

    def get_event_handles(self):
        """
        Return a list of database handles, one handle for each Event in the
        database.
        """
        self.dbapi.execute("SELECT handle FROM event")  # expect: static
        rows = self.dbapi.fetchall()
        return [bytes(row[0], "utf-8") for row in rows]
