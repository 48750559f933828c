// Source: public GitHub file found with find_string "connection.QueryAsync<" (read_file index id
// 37901093230); the index gave no repository name. Code base: "API_Rest" (namespace
// API_Rest.Dapper), an ASP.NET Core REST API on SQL Server (System.Data.SqlClient) with Dapper.
// Classes: verbatim `@"…"` statements in a `string query` local, one multi-line INSERT whose SQL
// starts on the opening line (expect-next appended to the `dbConnection.Open();` line before it),
// one-line verbatim DELETE/SELECT/UPDATE, `@name` parameters, T-SQL style `UPDATE … SET … FROM
// produto WHERE …`; connection-string name decoy ("DefaultConnection").
// Adaptations: this header and label comments only (trailing `// expect:` comments and one
// `// expect-next:` appended to an existing code line); the code is otherwise as found, including
// its bugs (anonymous `new { Id = id }` for `@pro_id`).
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.SqlClient;
using System.Text;
using System.Threading.Tasks;
using API_Rest.Domain;
using Dapper;
using Microsoft.Extensions.Configuration;

namespace API_Rest.Dapper
{
    public class ProdutoRepository : IProdutoRepository
    {
        protected readonly IConfiguration _config;

        public ProdutoRepository(IConfiguration config)
        {
            _config = config;
        }

        public IDbConnection Connection
        {
            get
            {
                return new SqlConnection(_config.GetConnectionString("DefaultConnection"));
            }
        }

        public void AddProdutos(Produto produto)
        {
            try
            {
                using (IDbConnection dbConnection = Connection)
                {
                    dbConnection.Open(); // expect-next: static
                    string query = @"INSERT INTO produto
                                   (pro_nome
                                   ,pro_descricao                                 
                                   ,pro_valorpago
                                   ,pro_valorvenda
                                   ,pro_qtde    
                                   )
                             VALUES
                                   (@pro_nome 
                                   ,@pro_descricao                                  
                                   ,@pro_valorpago
                                   ,@pro_valorvenda
                                   ,@pro_qtde 
                                    )";
                    dbConnection.Execute(query);
                }
            }
            catch (Exception err)
            {
                throw err;
            }
        }
            
        public void DeleteProduto(int id)
        {
            try
            {
                using (IDbConnection dbConnection = Connection)
                {
                    dbConnection.Open();
                    string query = @"DELETE FROM produto WHERE pro_id = @pro_id"; // expect: static
                    dbConnection.Execute(query, new { Id = id });
                }
            }
            catch (Exception err)
            {
                throw err;
            }
        }

        public async Task<IEnumerable<Produto>> GetAllProdutoAsync()
        {
            try
            {
                using (IDbConnection dbConnection = Connection)
                {
                    dbConnection.Open();
                    string query = @"SELECT pro_nome, pro_descricao, pro_valorpago, pro_valorvenda, pro_qtde FROM produto"; // expect: static
                    return await dbConnection.QueryAsync<Produto>(query);
                }
            }
            catch (Exception err)
            {
                throw err;
            }
        }

        public Task<Produto> GetProdutoByIdAsysnc(int id)
        {
            try
            {
                using (IDbConnection dbConnection = Connection)
                {
                    dbConnection.Open();
                    string query = @"SELECT pro_nome, pro_descricao, pro_valorpago, pro_valorvenda, pro_qtde FROM produto WHERE pro_id = @pro_id"; // expect: static
                    return dbConnection.QueryFirstOrDefaultAsync<Produto>(query, new { Id = id });
                }
            }
            catch (Exception err)
            {
                throw err;
            }
        }

        public async Task<Produto> GetProdutoByNomeAsysnc(string nome)
        {
            try
            {
                using (IDbConnection dbConnection = Connection)
                {
                    dbConnection.Open();
                    string query = @"SELECT pro_nome, pro_descricao, pro_valorpago, pro_valorvenda, pro_qtde FROM produto WHERE pro_nome = @pro_nome"; // expect: static
                    return await dbConnection.QueryFirstOrDefaultAsync<Produto>(query, new { pro_nome = nome });
                }
            }
            catch (Exception err)
            {
                throw err;
            }
        }

        public void UpdateProduto(Produto produto)
        {
            try
            {
                using (IDbConnection dbConnection = Connection)
                {
                    dbConnection.Open();
                    string query = @"UPDATE produto SET pro_nome = @pro_nome, pro_descricao = @pro_descricao, pro_valorpago = @pro_valorpago, pro_valorvenda = @pro_valorvenda, pro_qtde = @pro_qtde FROM produto WHERE pro_nome = @pro_nome"; // expect: static
                    dbConnection.Execute (query, produto);
                }
            }
            catch (Exception err)
            {
                throw err;
            }
        }
    }
}
