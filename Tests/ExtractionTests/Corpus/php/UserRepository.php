<?php

namespace App\Repository;

use PDO;
use Illuminate\Support\Facades\DB;

final class UserRepository
{
    public function __construct(private PDO $pdo) {}

    public function find(int $id): array
    {
        $stmt = $this->pdo->prepare('SELECT id, email FROM users WHERE id = :id'); // expect: static
        $stmt->execute(['id' => $id]);
        return $stmt->fetch();
    }

    public function recent(): array
    {
        // expect-next: static
        $sql = <<<SQL
            SELECT o.id, o.total
            FROM orders o
            WHERE o.created_at > now() - interval '1 day'
            SQL;
        return $this->pdo->query($sql)->fetchAll();
    }

    public function sorted(string $column): array
    {
        return $this->pdo->query("SELECT id FROM users ORDER BY $column")->fetchAll(); // expect: dynamic
    }

    public function byTable(string $table): array
    {
        return $this->pdo->query('SELECT * FROM ' . $table . ' LIMIT 10')->fetchAll(); // expect: dynamic
    }

    public function laravel(int $id): array
    {
        return DB::select('SELECT * FROM invoices WHERE user_id = ?', [$id]); // expect: static
    }

    public function flash(): string
    {
        echo "Select a file";
        return 'Update your profile';
    }
}
