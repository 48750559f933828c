import { PrismaClient, Prisma } from '@prisma/client';
import { sql } from 'drizzle-orm';

const prisma = new PrismaClient();

export async function activeUsers(minAge: number) {
  return prisma.$queryRaw<User[]>`SELECT id, email FROM users WHERE age >= ${minAge} AND active = true`; // expect: static
}

export async function bumpVersion(id: number) {
  await prisma.$executeRaw`UPDATE documents SET version = version + 1 WHERE id = ${id}`; // expect: static
}

export async function unsafeSort(column: string) {
  return prisma.$queryRawUnsafe(`SELECT * FROM invoices ORDER BY ${column} DESC`); // expect: dynamic
}

export const totalsQuery = sql`SELECT user_id, sum(total) FROM orders GROUP BY user_id`; // expect: static

interface User { id: number; email: string }

export const copy = {
  title: 'Select a plan',
  body: `Update your billing details to keep using ${'dbooster'}.`,
  confirm: 'Drop the database?',
};

const gqlQuery = gql`query { users { id } }`;
declare function gql(s: TemplateStringsArray): string;
