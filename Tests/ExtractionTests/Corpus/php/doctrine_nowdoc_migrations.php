<?php
// Sources (two complete Doctrine migrations found with find_string; the index did not return
// their repository names):
//   Version20250527224347 (index id 770451936)  — MySQL, nowdoc <<<'SQL', backtick `user`
//   Version20261001070000 (index id 71584461591) — PostgreSQL, nowdoc UPDATE + partial index
// Adapted: the two classes are concatenated; otherwise unchanged apart from labels.
// Classes: nowdoc (<<<'SQL' — the opening line cannot carry a comment, so each statement is
//          labelled with expect-next), MySQL backtick identifiers and CHANGE column syntax
//          (hard case for a PostgreSQL parser), PostgreSQL casts (id::text), partial unique
//          index, decoys (getDescription() text).

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\DBAL\Schema\Schema;
use Doctrine\Migrations\AbstractMigration;

final class Version20250527224347 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        // this up() migration is auto-generated, please modify it to your needs
        // expect-next: static
        $this->addSql(<<<'SQL'
            DROP INDEX UNIQ_8D93D649D5499347 ON user
        SQL);
        // expect-next: static
        $this->addSql(<<<'SQL'
            ALTER TABLE user CHANGE display_name pseudo VARCHAR(32) NOT NULL
        SQL);
        // expect-next: static
        $this->addSql(<<<'SQL'
            CREATE UNIQUE INDEX UNIQ_8D93D64986CC499D ON user (pseudo)
        SQL);
    }

    public function down(Schema $schema): void
    {
        // expect-next: static
        $this->addSql(<<<'SQL'
            DROP INDEX UNIQ_8D93D64986CC499D ON `user`
        SQL);
        // expect-next: static
        $this->addSql(<<<'SQL'
            ALTER TABLE `user` CHANGE pseudo display_name VARCHAR(32) NOT NULL
        SQL);
        // expect-next: static
        $this->addSql(<<<'SQL'
            CREATE UNIQUE INDEX UNIQ_8D93D649D5499347 ON `user` (display_name)
        SQL);
    }
}

final class Version20261001070000 extends AbstractMigration
{
    public function getDescription(): string
    {
        return 'Keep a user from having more than one default agenda';
    }

    public function up(Schema $schema): void
    {
        // ULIDs sort by creation time, and Postgres has no max() on uuid, so
        // the id is compared as text.
        // expect-next: static
        $this->addSql(<<<'SQL'
            UPDATE agenda SET is_default = false
            WHERE is_default = true
              AND id::text < (
                SELECT MAX(other.id::text) FROM agenda other
                WHERE other.user_id = agenda.user_id AND other.is_default = true
              )
            SQL);
        $this->addSql('CREATE UNIQUE INDEX uniq_agenda_user_default ON agenda (user_id) WHERE (is_default = true)'); // expect: static
    }

    public function down(Schema $schema): void
    {
        $this->addSql('DROP INDEX uniq_agenda_user_default'); // expect: static
    }
}
