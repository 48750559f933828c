<?php
// Source: FreshRSS/FreshRSS (AGPL-3.0), app/Models/DatabaseDAOSQLite.php, read_file index id
// 243876892 (commit 11720b8f3400fbc14dcbbd5d1ceef1f8d63d2dd3). FreshRSS self-hosted RSS
// aggregator: the SQLite flavour of its database-check DAO (PDO).
// Classes: PDO query()/exec(), SELECT on sqlite_master with a double-quoted "table" value (SQLite
// accepts it as a string; hard case), PRAGMA table_info( . $table . ) built by concatenation
// (dynamic), short VACUUM (static); decoys: table-name array keys built from prefix(), column-name
// lists given to checkTable(), file paths, log text.
// Adaptations: this header (moved below `<?php`); label comments only.

/**
 * This class is used to test database is well-constructed (SQLite).
 */
class FreshRSS_DatabaseDAOSQLite extends FreshRSS_DatabaseDAO {
	public function tablesAreCorrect() {
		$sql = 'SELECT name FROM sqlite_master WHERE type="table"'; // expect: static
		$stm = $this->pdo->query($sql);
		$res = $stm->fetchAll(PDO::FETCH_ASSOC);

		$tables = array(
			$this->pdo->prefix() . 'category' => false,
			$this->pdo->prefix() . 'feed' => false,
			$this->pdo->prefix() . 'entry' => false,
			$this->pdo->prefix() . 'entrytmp' => false,
			$this->pdo->prefix() . 'tag' => false,
			$this->pdo->prefix() . 'entrytag' => false,
		);
		foreach ($res as $value) {
			$tables[$value['name']] = true;
		}

		return count(array_keys($tables, true, true)) == count($tables);
	}

	public function getSchema($table) {
		$sql = 'PRAGMA table_info(' . $table . ')'; // expect: dynamic
		$stm = $this->pdo->query($sql);
		return $this->listDaoToSchema($stm->fetchAll(PDO::FETCH_ASSOC));
	}

	public function entryIsCorrect() {
		return $this->checkTable('entry', array(
			'id', 'guid', 'title', 'author', 'content', 'link', 'date', 'lastSeen', 'hash', 'is_read',
			'is_favorite', 'id_feed', 'tags',
		));
	}

	public function entrytmpIsCorrect() {
		return $this->checkTable('entrytmp', array(
			'id', 'guid', 'title', 'author', 'content', 'link', 'date', 'lastSeen', 'hash', 'is_read',
			'is_favorite', 'id_feed', 'tags',
		));
	}

	public function daoToSchema($dao) {
		return array(
			'name' => $dao['name'],
			'type' => strtolower($dao['type']),
			'notnull' => $dao['notnull'] === '1' ? true : false,
			'default' => $dao['dflt_value'],
		);
	}

	public function size($all = false) {
		$sum = 0;
		if ($all) {
			foreach (glob(DATA_PATH . '/users/*/db.sqlite') as $filename) {
				$sum += @filesize($filename);
			}
		} else {
			$sum = @filesize(DATA_PATH . '/users/' . $this->current_user . '/db.sqlite');
		}
		return $sum;
	}

	public function optimize() {
		$ok = $this->pdo->exec('VACUUM') !== false; // expect: static
		if (!$ok) {
			$info = $this->pdo->errorInfo();
			Minz_Log::warning(__METHOD__ . ' error : ' . json_encode($info));
		}
		return $ok;
	}
}
