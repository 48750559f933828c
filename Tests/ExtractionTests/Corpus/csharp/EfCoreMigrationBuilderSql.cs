// Sources (the index gave no repository names; read_file / find_string index ids):
//   56817023441  starsky.foundation.database.Migrations.FileIndexTenantIdRepair (EF Core migration)
//   71650918886  Cost.Accounting.Automation.Infrastructure.Migrations.SinglePhotosTable2 (SQL Server)
//   19429196     OrderService.Infrastructure.Migrations.ConvertStatusToString (PostgreSQL)
//   54792167666  YCT.Infrastructure.Migrations.AddOrderConsecutiveAndGeo (SQL Server)
// Classes: Entity Framework Core migrations, migrationBuilder.Sql("…") on one line and
// migrationBuilder.Sql(@"…") multi-line verbatim strings whose SQL starts on the next line
// (expect-next), `""Orders""` doubled quotes inside verbatim strings (quoted identifiers), T-SQL
// `;WITH … UPDATE o SET … FROM Orders o INNER JOIN …` (hard case), CHARINDEX/REVERSE/RIGHT and
// `'\'` in a verbatim string, INSERT … SELECT with CASE, SELECT … LIMIT 1 sub-query (SQLite),
// decoys: migration builder calls with type names ("nvarchar(MAX)", "decimal(10,7)",
// "uniqueidentifier"), index/constraint names, defaultValue "Draft", comments describing the SQL.
// Adaptations: four files concatenated (one namespace each, as found); in SinglePhotosTable2 the
// Down method's CreateTable call, DropIndex/DropColumn calls and a few AddColumn/AlterColumn calls
// were dropped; in AddOrderConsecutiveAndGeo the ShippingCity/ShippingLng columns were dropped, in
// ConvertStatusToString the Down method's RenameColumn; `// expect-next:` comment lines of their own were added before each
// `migrationBuilder.Sql(@"` whose SQL starts on the next line. Otherwise verbatim.
using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace starsky.foundation.database.Migrations
{
    [DbContext(typeof(Data.ApplicationDbContext))]
    [Migration("20260430200000_FileIndexTenantIdRepair")]
    public partial class FileIndexTenantIdRepair : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // expect-next: static
            migrationBuilder.Sql(@"
INSERT INTO Tenants (Slug, Name, IsEnabled, Created)
SELECT 'main', 'main', 1, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM Tenants WHERE Slug = 'main');");

            // expect-next: static
            migrationBuilder.Sql(@"
UPDATE FileIndex
SET TenantId = (SELECT Id FROM Tenants WHERE Slug = 'main' LIMIT 1)
WHERE TenantId IS NULL;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // expect-next: static
            migrationBuilder.Sql(@"
UPDATE FileIndex
SET TenantId = NULL
WHERE TenantId = (SELECT Id FROM Tenants WHERE Slug = 'main' LIMIT 1);");
        }
    }
}

namespace Cost.Accounting.Automation.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SinglePhotosTable2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Data",
                table: "Photos");

            migrationBuilder.AddColumn<string>(
                name: "OwnerType",
                table: "Photos",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "User");

            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "Photos",
                type: "nvarchar(MAX)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ProductId",
                table: "Photos",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.Sql("UPDATE Photos SET OwnerType = 'User' WHERE OwnerType = '' OR OwnerType IS NULL;"); // expect: static

            // expect-next: static
            migrationBuilder.Sql(@"
INSERT INTO Photos (Id, ProductId, OwnerType, FileName, ContentType, Path, IsDefault, CreatedAt, CreatedBy, IsActive, UpdatedAt, UpdatedBy, IsDeleted, DeletedAt, DeletedBy)
SELECT
    Id,
    ProductId,
    'Product',
    RIGHT(Path, CHARINDEX('\', REVERSE(Path)) - 1),
    CASE LOWER(RIGHT(Path, CHARINDEX('.', REVERSE(Path))))
        WHEN '.jpg' THEN 'image/jpeg'
        WHEN '.jpeg' THEN 'image/jpeg'
        WHEN '.png' THEN 'image/png'
        WHEN '.gif' THEN 'image/gif'
        WHEN '.bmp' THEN 'image/bmp'
        WHEN '.webp' THEN 'image/webp'
        ELSE 'application/octet-stream'
    END,
    Path,
    IsPrimary,
    CreatedAt,
    CreatedBy,
    IsActive,
    UpdatedAt,
    UpdatedBy,
    IsDeleted,
    DeletedAt,
    DeletedBy
FROM ProductImages;");

            migrationBuilder.DropTable(
                name: "ProductImages");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_ProductId",
                table: "Photos",
                column: "ProductId");

            migrationBuilder.AddForeignKey(
                name: "FK_Photos_Products_ProductId",
                table: "Photos",
                column: "ProductId",
                principalTable: "Products",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Photos_Products_ProductId",
                table: "Photos");

            // expect-next: static
            migrationBuilder.Sql(@"
INSERT INTO ProductImages (Id, ProductId, CreatedAt, CreatedBy, DeletedAt, DeletedBy, IsActive, IsDeleted, IsPrimary, Path, UpdatedAt, UpdatedBy)
SELECT Id, ProductId, CreatedAt, CreatedBy, DeletedAt, DeletedBy, IsActive, IsDeleted, IsDefault, Path, UpdatedAt, UpdatedBy
FROM Photos
WHERE OwnerType = 'Product' AND ProductId IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_ProductImages_ProductId",
                table: "ProductImages",
                column: "ProductId");

            migrationBuilder.Sql("DELETE FROM Photos WHERE OwnerType = 'Product';"); // expect: static

            migrationBuilder.DropColumn(
                name: "OwnerType",
                table: "Photos");

            migrationBuilder.AddColumn<byte[]>(
                name: "Data",
                table: "Photos",
                type: "varbinary(max)",
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}

namespace OrderService.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ConvertStatusToString : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // First, add a temporary column to store the string value
            migrationBuilder.AddColumn<string>(
                name: "StatusTemp",
                table: "Orders",
                type: "text",
                nullable: true);

            // Convert existing int values to strings
            // 0 = Draft, 1 = Placed, 2 = Confirmed, 3 = Canceled
            // expect-next: static
            migrationBuilder.Sql(@"
                UPDATE ""Orders""
                SET ""StatusTemp"" = 
                    CASE ""Status""
                        WHEN 0 THEN 'Draft'
                        WHEN 1 THEN 'Placed'
                        WHEN 2 THEN 'Confirmed'
                        WHEN 3 THEN 'Canceled'
                        ELSE 'Draft'
                    END
            ");

            // Drop the old Status column
            migrationBuilder.DropColumn(
                name: "Status",
                table: "Orders");

            // Rename the temp column to Status
            migrationBuilder.RenameColumn(
                name: "StatusTemp",
                table: "Orders",
                newName: "Status");

            // Make it non-nullable
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Orders",
                type: "text",
                nullable: false,
                defaultValue: "Draft");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Add temporary column for integer values
            migrationBuilder.AddColumn<int>(
                name: "StatusTemp",
                table: "Orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Convert strings back to integers
            // expect-next: static
            migrationBuilder.Sql(@"
                UPDATE ""Orders""
                SET ""StatusTemp"" = 
                    CASE ""Status""
                        WHEN 'Draft' THEN 0
                        WHEN 'Placed' THEN 1
                        WHEN 'Confirmed' THEN 2
                        WHEN 'Canceled' THEN 3
                        ELSE 0
                    END
            ");

            // Drop the string column
            migrationBuilder.DropColumn(
                name: "Status",
                table: "Orders");
        }
    }
}

namespace YCT.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AddOrderConsecutiveAndGeo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Consecutive",
                table: "Orders",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "ShippingLat",
                table: "Orders",
                type: "decimal(10,7)",
                nullable: true);

            // Asignar consecutivos a órdenes existentes según orden de creación
            // expect-next: static
            migrationBuilder.Sql(@"
;WITH Ordered AS (
    SELECT Id, ROW_NUMBER() OVER (ORDER BY CreatedAt, Id) AS rn
    FROM Orders
)
UPDATE o SET Consecutive = Ordered.rn
FROM Orders o INNER JOIN Ordered ON o.Id = Ordered.Id;");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Consecutive",
                table: "Orders",
                column: "Consecutive",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_Consecutive",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Consecutive",
                table: "Orders");
        }
    }
}
