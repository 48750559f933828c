// Sources: Prisma raw-query code found with find_string (the index did not return their
// repository names):
//   Next.js route GET /users/[id] (mostReadCategory)        (index id 11033354502, complete file)
//   verifySetup() remote database check script             (index id 53145862137, start)
//   testConnection() script with Chinese log messages      (index id 21580853067, complete file)
//   purchase-receipt confirmation (row locks)              (index id 63151473627, excerpt)
// Adapted: the four pieces are gathered in one module (the two CommonJS scripts keep their code
// but share the module's prisma import).
// Classes: ordinary statements in Prisma tagged templates (prisma.$queryRaw`...`, tx.$queryRaw`...`),
//          placeholders of another tool (${value} inside a $queryRaw tagged template becomes a
//          bind parameter, so the SQL text is static — unlike ${} in a plain template literal),
//          short (SELECT version(), SELECT ... FOR UPDATE), decoys (emoji/Chinese console
//          messages, Prisma query-builder objects such as { where: { id: userId } }).
// The opening line of a template that continues on the next lines cannot carry a trailing
// comment outside the literal, so those statements are labelled with expect-next.

import { NextResponse } from 'next/server'

import { prisma } from '@/lib/prisma'

export async function GET(
  request: Request,
  { params }: { params: { id: string } },
) {
  const userId = params.id

  const user = await prisma.user.findUnique({
    where: {
      id: userId,
    },
    include: {
      ratings: {
        include: {
          book: true,
        },
      },
    },
  })

  const categoriesCountRaw: { name: string; total_books: bigint }[] =
    // expect-next: static
    await prisma.$queryRaw`
      SELECT
        categories.name,
        COUNT(DISTINCT categories.id) AS total_books
      FROM
        ratings
      INNER JOIN books ON books.id = ratings.book_id
      INNER JOIN CategoriesOnBooks ON CategoriesOnBooks.book_id = books.id
      INNER JOIN categories ON categories.id = CategoriesOnBooks.categoryId
      GROUP BY categories.id
      HAVING ratings.user_id = ${userId}
      ORDER BY total_books DESC
    `

  const mostReadCategory = categoriesCountRaw[0].name

  return NextResponse.json({ user, mostReadCategory })
}

async function verifySetup() {
  try {
    console.log('🔍 Verifying remote database setup...\n');

    // Test connection
    console.log('1. Testing database connection...');
    await prisma.$connect();
    console.log('   ✓ Connected successfully');

    // Check database version
    const version = await prisma.$queryRaw`SELECT version()`; // expect: static
    console.log(`   ✓ PostgreSQL ${version[0].version.match(/PostgreSQL [\d.]+/)[0]}`);

    // Count tables
    // expect-next: static
    const tables = await prisma.$queryRaw`
      SELECT COUNT(*) as count
      FROM information_schema.tables
      WHERE table_schema = 'public'
    `;
    console.log(`   ✓ Schema deployed with ${tables[0].count} tables\n`);
  } finally {
    await prisma.$disconnect();
  }
}

async function testConnection() {
  try {
    console.log('🔍 测试数据库连接...');

    // 尝试连接数据库
    await prisma.$connect();
    console.log('✅ 数据库连接成功！');

    // 检查表是否存在
    // expect-next: static
    const tables = await prisma.$queryRaw`
      SELECT table_name
      FROM information_schema.tables
      WHERE table_schema = 'public'
    `;

    console.log('\n📊 数据库表:');
    tables.forEach(table => {
      console.log(`  - ${table.table_name}`);
    });

    await prisma.$disconnect();
    console.log('\n✅ 数据库配置正确！');
    process.exit(0);
  } catch (error) {
    console.error('\n❌ 数据库连接失败:');
    console.error(error.message);
    console.log('\n请检查:');
    console.log('1. PostgreSQL 是否正在运行');
    console.log('2. .env.local 中的 DATABASE_URL 是否正确');
    await prisma.$disconnect();
    process.exit(1);
  }
}

export async function confirmReceipt(id: string, ctx, existing) {
  const receipt = await prisma.$transaction(async (tx) => {
    // Claim DRAFT first so concurrent cancel cannot race after stock/PO mutations.
    // expect-next: static
    await tx.$queryRaw`
      SELECT id FROM purchase_receipts
      WHERE id = ${id} AND "tenantId" = ${ctx.tenantId}
      FOR UPDATE
    `;
    const confirmed = await tx.purchaseReceipt.updateMany({
      where: { id, tenantId: ctx.tenantId, status: "DRAFT" },
      data: { status: PurchaseReceiptStatus.CONFIRMED, updatedBy: ctx.actorUserId },
    });
    if (confirmed.count !== 1) {
      throw new ServiceError("CONFLICT", "La recepción ya no está en borrador");
    }

    // Lock PO lines then re-assert remaining (closes concurrent confirm race) [BR-PUR-006].
    for (const line of existing.lines) {
      // expect-next: static
      await tx.$queryRaw`
        SELECT id FROM purchase_order_lines WHERE id = ${line.purchaseOrderLineId} FOR UPDATE
      `;
    }
    return confirmed;
  });
  return receipt;
}
