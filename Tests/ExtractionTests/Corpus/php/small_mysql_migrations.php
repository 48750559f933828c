<?php
// Sources (three small complete migration files, concatenated; otherwise unchanged):
//   sergey-voloshin02/appartsments_ua_php — migrations/003_create_posts_table.php
//   amine142/SymBotBack — app/DoctrineMigrations/Version20170512105110.php
//   github4ppm2/symfony_demo — app/DoctrineMigrations/Version20170524085159.php
// Classes: MySQL DDL with backtick identifiers and table options (ENGINE=InnoDB, COLLATE ...)
//          in a multi-line double-quoted string, lower-case "drop table user", ALTER TABLE ...
//          CHANGE with backticks. All MySQL-only: hard cases for a PostgreSQL parser.

// --- sergey-voloshin02/appartsments_ua_php: migrations/003_create_posts_table.php
$stmt = $pdo->prepare( // expect-next: static
    "CREATE TABLE `posts` (
        `id` int NOT NULL AUTO_INCREMENT,
        `title` varchar(255) NOT NULL,
        `description` text NOT NULL,
        `publication_status` varchar(55) NOT NULL,
        `realty_status` varchar(55) NOT NULL,
        `plan_photo` varchar(255),
        `data` json NOT NULL,
        PRIMARY KEY (`id`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;"
);
$stmt->execute([]);

// --- amine142/SymBotBack: app/DoctrineMigrations/Version20170512105110.php
class Version20170512105110 extends AbstractMigration
{
    public function up(Schema $schema)
    {
        // this up() migration is auto-generated, please modify it to your needs
          $this->addSql('CREATE TABLE user (id INT NOT NULL, username VARCHAR(255) NOT NULL, password VARCHAR(255) NOT NULL, PRIMARY KEY(id)) ENGINE = InnoDB'); // expect: static
    }

    public function down(Schema $schema)
    {
        // this down() migration is auto-generated, please modify it to your needs
         $this->addSql('drop table user'); // expect: static
    }
}

// --- github4ppm2/symfony_demo: app/DoctrineMigrations/Version20170524085159.php
class Version20170524085159 extends AbstractMigration
{
    public function up(Schema $schema)
    {
        $this->addSql('ALTER TABLE `user` CHANGE `id` `id` INT(11) NOT NULL AUTO_INCREMENT;'); // expect: static
    }
}
