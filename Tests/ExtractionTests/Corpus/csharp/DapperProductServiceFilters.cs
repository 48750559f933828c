// Source: find_string / read_file index id 61987472598 (namespace posbackend.Services,
// ProductService of a POS backend: Dapper for reads, EF Core for writes; repository name not
// returned).
// Classes: conditions kept in a List<string> (a collection-initializer item and three Add calls:
// fragments), string.Join(" AND ", …) spliced into a COUNT statement and a paged list statement
// with LIMIT @Limit OFFSET @Offset (dynamic; the list one is a multi-line $@"…" verbatim
// interpolated string: expect-next), Dapper `IN @ProductIds` list expansion (a library
// placeholder: static), a two-statement @"…" literal read with QueryMultipleAsync (second SELECT
// labelled inside the literal), @name parameters, decoys (LIKE pattern $"%{…}%", parameter
// names, region names).
// Adaptations: the EF Core mutation methods CreateProductAsync, UpdateProductAsync and
// UpdateVariantAsync (no SQL text) were dropped; label comment lines `// expect-next:` were added
// on lines of their own before two multi-line literals (one replaces a blank line); one in-literal SQL-comment label was
// appended inside the two-statement literal. Code otherwise verbatim.
using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;
using posbackend.Data;
using posbackend.DTOs;
using posbackend.Models;

namespace posbackend.Services
{
    public class ProductService : IProductService
    {
        private readonly DapperContext _dapperContext;
        private readonly AppDbContext _efContext;

        public ProductService(DapperContext dapperContext, AppDbContext efContext)
        {
            _dapperContext = dapperContext;
            _efContext = efContext;
        }

        #region SELECT Operations (Dapper)

        public async Task<PagedResultDto<ProductDto>> GetProductsAsync(ProductQueryParameters queryParams)
        {
            using var connection = _dapperContext.CreateConnection();

            var whereClauses = new List<string> { "p.deleted_at IS NULL" }; // expect: fragment
            var parameters = new DynamicParameters();

            if (!string.IsNullOrWhiteSpace(queryParams.Search))
            {
                whereClauses.Add("(p.name LIKE @Search OR p.description LIKE @Search)"); // expect: fragment
                parameters.Add("Search", $"%{queryParams.Search}%");
            }

            if (queryParams.CategoryId.HasValue && queryParams.CategoryId.Value != Guid.Empty)
            {
                whereClauses.Add("p.category_id = @CategoryId"); // expect: fragment
                parameters.Add("CategoryId", queryParams.CategoryId.Value);
            }

            if (!string.IsNullOrWhiteSpace(queryParams.ItemType))
            {
                whereClauses.Add("p.item_type = @ItemType"); // expect: fragment
                parameters.Add("ItemType", queryParams.ItemType);
            }

            string whereSql = string.Join(" AND ", whereClauses);

            // Count Query
            string countSql = $"SELECT COUNT(1) FROM products p WHERE {whereSql}"; // expect: dynamic
            int totalCount = await connection.ExecuteScalarAsync<int>(countSql, parameters);

            // Pagination setup
            int page = queryParams.Page < 1 ? 1 : queryParams.Page;
            int limit = queryParams.Limit < 1 ? 10 : queryParams.Limit;
            int offset = (page - 1) * limit;

            parameters.Add("Limit", limit);
            parameters.Add("Offset", offset);

            // Product List Query
            // expect-next: dynamic
            string querySql = $@"
                SELECT 
                    p.id AS Id,
                    p.tenant_id AS TenantId,
                    p.category_id AS CategoryId,
                    c.name AS CategoryName,
                    p.name AS Name,
                    p.description AS Description,
                    p.item_type AS ItemType,
                    p.track_stock AS TrackStock,
                    p.is_purchaseable AS IsPurchaseable,
                    p.duration_minutes AS DurationMinutes,
                    p.is_active AS IsActive,
                    p.created_at AS CreatedAt,
                    p.updated_at AS UpdatedAt
                FROM products p
                LEFT JOIN categories c ON p.category_id = c.id
                WHERE {whereSql}
                ORDER BY p.created_at DESC
                LIMIT @Limit OFFSET @Offset";

            var products = (await connection.QueryAsync<ProductDto>(querySql, parameters)).ToList();

            // Fetch variants for returned products
            if (products.Any())
            {
                var productIds = products.Select(p => p.Id).ToList(); // expect-next: static
                string variantSql = @"
                    SELECT 
                        id AS Id,
                        product_id AS ProductId,
                        sku AS Sku,
                        barcode AS Barcode,
                        cost_price AS CostPrice,
                        sell_price AS SellPrice,
                        attributes AS Attributes,
                        is_active AS IsActive,
                        created_at AS CreatedAt
                    FROM product_variants
                    WHERE product_id IN @ProductIds";

                var variants = (await connection.QueryAsync<ProductVariantDto>(variantSql, new { ProductIds = productIds })).ToList();
                var variantLookup = variants.GroupBy(v => v.ProductId).ToDictionary(g => g.Key, g => g.ToList());
                foreach (var product in products)
                {
                    if (variantLookup.TryGetValue(product.Id, out var productVariants))
                    {
                        product.Variants = productVariants;
                    }
                }
            }

            return new PagedResultDto<ProductDto>
            {
                TotalCount = totalCount,
                Page = page,
                Limit = limit,
                Data = products
            };
        }

        public async Task<ProductDto?> GetProductByIdAsync(Guid id)
        {
            using var connection = _dapperContext.CreateConnection();
            // expect-next: static
            string sql = @"
                SELECT 
                    p.id AS Id,
                    p.tenant_id AS TenantId,
                    p.category_id AS CategoryId,
                    c.name AS CategoryName,
                    p.name AS Name,
                    p.description AS Description,
                    p.item_type AS ItemType,
                    p.track_stock AS TrackStock,
                    p.is_purchaseable AS IsPurchaseable,
                    p.duration_minutes AS DurationMinutes,
                    p.is_active AS IsActive,
                    p.created_at AS CreatedAt,
                    p.updated_at AS UpdatedAt
                FROM products p
                LEFT JOIN categories c ON p.category_id = c.id
                WHERE p.id = @Id AND p.deleted_at IS NULL;

                SELECT -- expect: static
                    id AS Id,
                    product_id AS ProductId,
                    sku AS Sku,
                    barcode AS Barcode,
                    cost_price AS CostPrice,
                    sell_price AS SellPrice,
                    attributes AS Attributes,
                    is_active AS IsActive,
                    created_at AS CreatedAt
                FROM product_variants
                WHERE product_id = @Id;";

            using var multi = await connection.QueryMultipleAsync(sql, new { Id = id });
            var product = await multi.ReadFirstOrDefaultAsync<ProductDto>();
            if (product != null)
            {
                product.Variants = (await multi.ReadAsync<ProductVariantDto>()).ToList();
            }

            return product;
        }

        #endregion

        #region MUTATION Operations (Entity Framework Core)

        public async Task<bool> DeleteProductAsync(Guid id)
        {
            var product = await _efContext.Products
                .FirstOrDefaultAsync(p => p.Id == id && p.DeletedAt == null);

            if (product == null)
            {
                return false;
            }

            product.DeletedAt = DateTime.UtcNow;
            product.IsActive = false;

            await _efContext.SaveChangesAsync();
            return true;
        }

        #endregion
    }
}
