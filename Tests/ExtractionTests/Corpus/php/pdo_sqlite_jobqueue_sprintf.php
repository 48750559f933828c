<?php
// Source: Mgleis\PhpSqliteJobQueue\Queue, a small SQLite job-queue library on PDO
// (namespace Mgleis\PhpSqliteJobQueue); read_file / find_string index id 10066911285 (the index
// gave no repository name).
// Classes: 6-dynamic (every statement is sprintf("… %s …", $this->table): the table name is
// spliced into the text at run time; multi-line double-quoted strings opening on the call line),
// 2-short (PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;), 4-placeholders (:payload,
// :id next to the %s hole), other-dialect (SQLite AUTOINCREMENT), 7-decoys ('database is locked'
// error text, comments "mark the job as "working"" / German "Reserviere den nächsten Job",
// status values 'queued' in PHP code, the "sqlite:$filename" DSN).
// Adaptations: none besides the labels: `// expect-next:` appended to the code line before a
// multi-line literal, or on a comment line of its own where the line before is a comment.
// Labelled by hand, blind.
declare(strict_types = 1);


namespace Mgleis\PhpSqliteJobQueue;

class Queue {

    public \PDO $db;
    private string $table;

    public function __construct(string $filename, string $table = 'jobs') {
        $this->db = new \PDO("sqlite:$filename");
        $this->db->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
        $this->db->exec('PRAGMA journal_mode = WAL;'); // expect: static
        $this->db->exec('PRAGMA synchronous = NORMAL;'); // expect: static
        $this->table = $this->db->quote($table);
        $this->initializeDatabase();
    }

    private function initializeDatabase() { // expect-next: dynamic
        $this->db->exec(sprintf("
            CREATE TABLE IF NOT EXISTS %s (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                payload TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'queued',
                reserved_at TIMESTAMP DEFAULT NULL
            );
        ", $this->table));
    }

    public function push($payload) {
        $strPayload = json_encode($payload, JSON_THROW_ON_ERROR);

        $stmt = $this->db->prepare(sprintf("INSERT INTO %s (payload, status) VALUES (:payload, 'queued')", $this->table)); // expect: dynamic
        $stmt->bindValue(':payload', $strPayload);
        $stmt->execute();
    }

    public function pop(): ?Job {
        try {

            // find the next job
            // expect-next: dynamic
            $stmt = $this->db->prepare(sprintf("
                SELECT id, payload
                FROM %s
                WHERE status = 'queued'
                ORDER BY id ASC
                LIMIT 1
            ", $this->table));
            $stmt->execute();
            $jobData = $stmt->fetch(\PDO::FETCH_ASSOC);

            if (!$jobData) {
                return null;
            }

            // mark the job as "working"
            // expect-next: dynamic
            $updateStmt = $this->db->prepare(sprintf("
                UPDATE %s
                SET status = 'working', reserved_at = CURRENT_TIMESTAMP
                WHERE id = :id AND status = 'queued'
            ", $this->table));
            $updateStmt->bindValue(':id', (int) $jobData['id'], \PDO::PARAM_INT);
            $updateStmt->execute();

            return new Job(
                (int) $jobData['id'],
                json_decode($jobData['payload'], true, JSON_THROW_ON_ERROR)
            );
        } catch (\Throwable $t) {
            $this->throwIfNotALockError($t);
            return null;
        }
    }

    public function top(): ?Job {
        try {
            // Reserviere den nächsten Job
            // expect-next: dynamic
            $stmt = $this->db->prepare(sprintf("
                SELECT id, payload
                FROM %s
                WHERE status = 'queued'
                ORDER BY id ASC
                LIMIT 1
            ", $this->table));
            $stmt->execute();
            $jobData = $stmt->fetch(\PDO::FETCH_ASSOC);

            if (!$jobData) {
                return null;
            }

            return new Job(
                (int) $jobData['id'],
                json_decode($jobData['payload'], true, JSON_THROW_ON_ERROR)
            );
        } catch (\Throwable $t) {
            $this->throwIfNotALockError($t);
            return null;
        }
    }

    private function throwIfNotALockError(\Throwable $t) {
        if ($t instanceof \PDOException
            && str_contains($t->getMessage(), 'database is locked')) {
            return;
        }
        throw $t;
    }

    public function done(Job $job) { // expect-next: dynamic
        $updateStmt = $this->db->prepare(sprintf("
            DELETE FROM %s
            WHERE id = :id
        ", $this->table));
        $updateStmt->bindValue(':id', $job->id, \PDO::PARAM_INT);
        $updateStmt->execute();
    }

    public function error(Job $job) { // expect-next: dynamic
        $updateStmt = $this->db->prepare(sprintf("
            UPDATE %s
            SET status = 'failed'
            WHERE id = :id
        ", $this->table));
        $updateStmt->bindValue(':id', $job->id, \PDO::PARAM_INT);
        $updateStmt->execute();
    }

    public function size(): int {
        $stmt = $this->db->query(sprintf("SELECT COUNT(*) FROM %s WHERE status = 'queued'", $this->table)); // expect: dynamic
        return (int)$stmt->fetchColumn();
    }

}
