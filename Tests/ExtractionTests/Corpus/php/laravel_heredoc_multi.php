<?php
// Source: a Laravel migration of an e-cidade-like municipal system
// (M21480AlteradoTamanhoCampoTabelaCertidao; found with find_string, index id 59453041001; the
// index did not return the repository name). Complete file, unchanged apart from labels.
// Classes: multi-statement heredoc (two lower-case statements per <<<SQL block, sent through
//          PDO::exec; the first statement is labelled on the line where the heredoc opens via
//          expect-next, the second with a SQL "--" comment at the end of its first line),
//          lower-case SQL, short ALTER TABLE ... TYPE.

use Illuminate\Support\Facades\Schema;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Database\Migrations\Migration;

class M21480AlteradoTamanhoCampoTabelaCertidao extends Migration
{
    /**
     * Run the migrations.
     *
     * @return void
     */
    public function up()
    {
        // expect-next: static
        DB::connection()->getPdo()->exec(<<<SQL
        alter table certidao
        alter column p50_resultadowebservice
         type varchar(50);

        update db_syscampo -- expect: static
           set conteudo = 'varchar(50)',
               tamanho  = 50
        where codcam = 1014383;
SQL
);
    }

    /**
     * Reverse the migrations.
     *
     * @return void
     */
    public function down()
    {
        // expect-next: static
        DB::connection()->getPdo()->exec(<<<SQL
        alter table certidao
        alter column p50_resultadowebservice
         type varchar(20);

        update db_syscampo -- expect: static
           set conteudo = 'varchar(20)',
               tamanho  = 20
        where codcam = 1014383;
SQL
);
    }
}
