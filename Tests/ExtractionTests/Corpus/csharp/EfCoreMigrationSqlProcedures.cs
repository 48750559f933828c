// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 37496474006: EF Core migration AddAvatarAndPortfolio of "FreeTaskBackend"
//       (PostgreSQL, Npgsql), namespace FreeTaskBackend.Migrations.
//   (b) id 24417247316: EF Core migration AddTicketIssuedDateAndCompositeIndex of a queue-
//       management system, namespace QMS.Infrastructure.Data.Migrations (MySQL / Pomelo).
// Classes: EF Core migrationBuilder.Sql(@"…") multi-line verbatim strings opening on the call
// line (expect-next on a comment line before), `""Quoted""` identifiers inside verbatim strings,
// ALTER COLUMN … TYPE … USING CASE, ARRAY(SELECT jsonb_array_elements_text(…)), one-line
// migrationBuilder.Sql("…") (UPDATE with CAST, CALL, DROP PROCEDURE), a MySQL verbatim literal
// holding DROP PROCEDURE + CREATE PROCEDURE (second statement labelled inside the literal;
// the body's SET/PREPARE/EXECUTE/DEALLOCATE belong to the CREATE PROCEDURE), decoys (column
// types "text[]" / "jsonb" / "uuid", index and FK names, defaultValue: "", doc comments).
// Adaptations: two files concatenated, the second `using` block merged into the first
// (`using System;` was in both); `// expect-next:` comment lines added before the
// `migrationBuilder.Sql(@"` lines; (b)'s Down (DropIndex/CreateIndex only) left out; an in-literal `-- expect` label (static) added inside the (b) literal at the end
// of the CREATE PROCEDURE line. Code otherwise verbatim.
using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

// ---- (a) id 37496474006
namespace FreeTaskBackend.Migrations
{
    /// <inheritdoc />
    public partial class AddAvatarAndPortfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Portfolio",
                table: "FreelancerProfiles");

            // First create a temporary column for skills
            migrationBuilder.AddColumn<List<string>>(
                name: "SkillsTemp",
                table: "FreelancerProfiles",
                type: "text[]",
                nullable: false);

            // Copy data from old column to new one
            // expect-next: static
            migrationBuilder.Sql(@"
                UPDATE ""FreelancerProfiles""
                SET ""SkillsTemp"" = ARRAY(
                    SELECT jsonb_array_elements_text(""Skills"")::text
                )
            ");

            // Drop the old column
            migrationBuilder.DropColumn(
                name: "Skills",
                table: "FreelancerProfiles");

            // Rename the temporary column
            migrationBuilder.RenameColumn(
                name: "SkillsTemp",
                table: "FreelancerProfiles",
                newName: "Skills");

            // Convert Level from text to integer with explicit conversion
            // expect-next: static
            migrationBuilder.Sql(@"
                ALTER TABLE ""FreelancerProfiles""
                ALTER COLUMN ""Level"" TYPE integer
                USING CASE
                    WHEN ""Level"" = 'Newbie' THEN 0
                    WHEN ""Level"" = 'Specialist' THEN 1
                    WHEN ""Level"" = 'Expert' THEN 2
                    ELSE 0
                END
            ");

            migrationBuilder.AddColumn<string>(
                name: "AvatarUrl",
                table: "FreelancerProfiles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Bio",
                table: "FreelancerProfiles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PortfolioItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    FreelancerProfileId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortfolioItem_FreelancerProfiles_FreelancerProfileId",
                        column: x => x.FreelancerProfileId,
                        principalTable: "FreelancerProfiles",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioItem_FreelancerProfileId",
                table: "PortfolioItem",
                column: "FreelancerProfileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortfolioItem");

            migrationBuilder.DropColumn(
                name: "AvatarUrl",
                table: "FreelancerProfiles");

            migrationBuilder.DropColumn(
                name: "Bio",
                table: "FreelancerProfiles");

            // Convert Level back to text
            // expect-next: static
            migrationBuilder.Sql(@"
                ALTER TABLE ""FreelancerProfiles""
                ALTER COLUMN ""Level"" TYPE text
                USING CASE
                    WHEN ""Level"" = 0 THEN 'Newbie'
                    WHEN ""Level"" = 1 THEN 'Specialist'
                    WHEN ""Level"" = 2 THEN 'Expert'
                    ELSE 'Newbie'
                END
            ");

            // For skills, we'll follow a similar approach
            migrationBuilder.AddColumn<JsonDocument>(
                name: "SkillsTemp",
                table: "FreelancerProfiles",
                type: "jsonb",
                nullable: false);

            // expect-next: static
            migrationBuilder.Sql(@"
                UPDATE ""FreelancerProfiles""
                SET ""SkillsTemp"" = to_jsonb(""Skills"")
            ");

            migrationBuilder.DropColumn(
                name: "Skills",
                table: "FreelancerProfiles");

            migrationBuilder.RenameColumn(
                name: "SkillsTemp",
                table: "FreelancerProfiles",
                newName: "Skills");

            migrationBuilder.AddColumn<JsonDocument>(
                name: "Portfolio",
                table: "FreelancerProfiles",
                type: "jsonb",
                nullable: false);
        }
    }
}

// ---- (b) id 24417247316
namespace QMS.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddTicketIssuedDateAndCompositeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 1. Add IssuedDate column first
            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedDate",
                table: "Tickets",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // 2. Populate IssuedDate from IssuedAt
            migrationBuilder.Sql("UPDATE Tickets SET IssuedDate = CAST(IssuedAt AS DATE);"); // expect: static

            // 3. Create new indexes first (this satisfies foreign key requirements for RoomId, ServiceId etc.)
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IssuedDate",
                table: "Tickets",
                column: "IssuedDate");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_RoomId_Status_IssuedDate",
                table: "Tickets",
                columns: new[] { "RoomId", "Status", "IssuedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceId_RoomId_Status_IssuedDate",
                table: "Tickets",
                columns: new[] { "ServiceId", "RoomId", "Status", "IssuedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TicketNumber_IssuedDate",
                table: "Tickets",
                columns: new[] { "TicketNumber", "IssuedDate" },
                unique: true);

            // 4. Safely drop old indexes
            // expect-next: static
            migrationBuilder.Sql(@"
                DROP PROCEDURE IF EXISTS DropIndexIfExists;
                CREATE PROCEDURE DropIndexIfExists(IN tableName VARCHAR(255), IN indexName VARCHAR(255)) -- expect: static
                BEGIN
                    IF EXISTS (SELECT 1 FROM information_schema.statistics 
                               WHERE table_name = tableName AND index_name = indexName AND table_schema = DATABASE()) THEN
                        SET @query = CONCAT('ALTER TABLE ', tableName, ' DROP INDEX ', indexName);
                        PREPARE stmt FROM @query;
                        EXECUTE stmt;
                        DEALLOCATE PREPARE stmt;
                    END IF;
                END;
            ");

            migrationBuilder.Sql("CALL DropIndexIfExists('Tickets', 'IX_Tickets_IssuedAt');"); // expect: static
            migrationBuilder.Sql("CALL DropIndexIfExists('Tickets', 'IX_Tickets_RoomId_Status');"); // expect: static
            migrationBuilder.Sql("CALL DropIndexIfExists('Tickets', 'IX_Tickets_ServiceId_RoomId_Status_IssuedAt');"); // expect: static
            migrationBuilder.Sql("CALL DropIndexIfExists('Tickets', 'IX_Tickets_TicketNumber');"); // expect: static
            migrationBuilder.Sql("DROP PROCEDURE IF EXISTS DropIndexIfExists;"); // expect: static
        }
    }
}
