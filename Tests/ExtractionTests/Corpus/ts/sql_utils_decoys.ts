// Source: a TypeScript query-analysis helper module (utils file importing { Client } from 'pg'),
// found with find_string (index id 39536034091); the index did not return the repository name.
// Excerpt: parseSQL, validateConnection, isValidSQL, getQueryComplexity — code unchanged.
// Classes: decoys (a union type 'SELECT' | 'INSERT' | ..., lower-case keywords passed to
//          startsWith/includes, a keyword array, messages like 'Uses SELECT *'), short
//          (the one real statement: client.query('SELECT 1')).

import { Client } from 'pg';

/**
 * Parse SQL query to extract basic information
 */
export function parseSQL(sql: string): {
  type: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'CREATE' | 'ALTER' | 'DROP' | 'UNKNOWN';
  tables: string[];
  columns: string[];
  hasWhere: boolean;
  hasOrderBy: boolean;
  hasLimit: boolean;
  hasJoins: boolean;
} {
  const normalizedSql = sql.toLowerCase();

  // Determine query type
  let type: any = 'UNKNOWN';
  if (normalizedSql.startsWith('select')) type = 'SELECT';
  else if (normalizedSql.startsWith('insert')) type = 'INSERT';
  else if (normalizedSql.startsWith('update')) type = 'UPDATE';
  else if (normalizedSql.startsWith('delete')) type = 'DELETE';
  else if (normalizedSql.startsWith('create')) type = 'CREATE';
  else if (normalizedSql.startsWith('alter')) type = 'ALTER';
  else if (normalizedSql.startsWith('drop')) type = 'DROP';

  // Extract table names (simplified)
  const tableMatches = normalizedSql.match(/from\s+(\w+)|join\s+(\w+)|into\s+(\w+)|update\s+(\w+)/g);
  const tables = tableMatches ?
    tableMatches.map(match => match.replace(/from\s+|join\s+|into\s+|update\s+/, '')) : [];

  // Extract column names (simplified)
  const columnMatches = normalizedSql.match(/(\w+)\.(\w+)/g);
  const columns = columnMatches ?
    columnMatches.map(match => match.split('.')[1]) : [];

  return {
    type,
    tables,
    columns,
    hasWhere: normalizedSql.includes('where'),
    hasOrderBy: normalizedSql.includes('order by'),
    hasLimit: normalizedSql.includes('limit'),
    hasJoins: normalizedSql.includes('join')
  };
}

/**
 * Validate database connection
 */
export async function validateConnection(client: Client): Promise<boolean> {
  try {
    await client.query('SELECT 1'); // expect: static
    return true;
  } catch (error) {
    return false;
  }
}

/**
 * Check if a string is a valid SQL query
 */
export function isValidSQL(sql: string): boolean {
  const trimmed = sql.trim().toLowerCase();

  // Basic validation - check for common SQL keywords
  const sqlKeywords = ['select', 'insert', 'update', 'delete', 'create', 'alter', 'drop'];
  const hasKeyword = sqlKeywords.some(keyword => trimmed.startsWith(keyword));

  // Check for basic structure
  const hasFrom = trimmed.includes('from') || !trimmed.startsWith('select');
  const hasSemicolon = trimmed.endsWith(';');

  return hasKeyword && (hasFrom || hasSemicolon);
}

/**
 * Generate a summary of query complexity
 */
export function getQueryComplexity(sql: string): {
  score: number;
  factors: string[];
} {
  const factors: string[] = [];
  let score = 0;

  const normalizedSql = sql.toLowerCase();

  if (normalizedSql.includes('join')) {
    factors.push('Has JOINs');
    score += 2;
  }

  if (normalizedSql.includes('subquery') || /\(.*select.*\)/i.test(sql)) {
    factors.push('Has subqueries');
    score += 3;
  }

  if (normalizedSql.includes('group by')) {
    factors.push('Has GROUP BY');
    score += 1;
  }

  if (normalizedSql.includes('order by')) {
    factors.push('Has ORDER BY');
    score += 1;
  }

  if (normalizedSql.includes('select *')) {
    factors.push('Uses SELECT *');
    score += 1;
  }

  return { score, factors };
}
