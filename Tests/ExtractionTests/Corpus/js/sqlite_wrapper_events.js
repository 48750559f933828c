// Source: two JavaScript files using the sqlite3 driver (the index gave no repository names; open
// them with read_file id=…):
//   (a) id 19311420666  Express backend db module ("desa_cilame.db"): sqlite `open()` + a pg-like
//                       query()/transaction() wrapper, createTables()
//   (b) id 52843897821  Next.js-style API handler logging events with db.all / db.run
// Classes: 2-short (PRAGMA, SELECT 1, BEGIN TRANSACTION/COMMIT/ROLLBACK), 3-wrappers (query()
//   dispatching on the statement text), 6-dynamic (table name taken from the SQL text by a regex
//   inside `${}`), templates opening on the call line (expect-next), other-dialect (SQLite
//   AUTOINCREMENT, DATETIME), 7-decoys (startsWith('SELECT') / includes('RETURNING') tests, regex
//   rewrite `/INSERT.*RETURNING/i` → 'SELECT', logger texts, "None (Canceled)").
// Adaptations: (a) and (b) concatenated as found (b declares its own local `const db` inside
//   handler(), as in the source);
//   `// expect-next:` comment lines were added before templates whose opening line
//   ends inside the literal. No code line was changed.

// ---- (a) id 19311420666
const sqlite3 = require('sqlite3').verbose();
const { open } = require('sqlite');
const path = require('path');
const winston = require('winston');

// Logger configuration
const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.combine(
    winston.format.timestamp(),
    winston.format.errors({ stack: true }),
    winston.format.json()
  ),
  transports: [
    new winston.transports.Console({
      format: winston.format.combine(
        winston.format.colorize(),
        winston.format.simple()
      )
    })
  ]
});

// SQLite database path
const dbPath = path.join(__dirname, '../../data/desa_cilame.db');

// Ensure data directory exists
const fs = require('fs');
const dataDir = path.dirname(dbPath);
if (!fs.existsSync(dataDir)) {
  fs.mkdirSync(dataDir, { recursive: true });
}

let db = null;

// Initialize SQLite connection
const initDatabase = async () => {
  try {
    db = await open({
      filename: dbPath,
      driver: sqlite3.Database
    });
    
    // Enable foreign keys
    await db.exec('PRAGMA foreign_keys = ON'); // expect: static
    
    logger.info('SQLite database connected successfully');
    return db;
  } catch (error) {
    logger.error('SQLite connection failed:', error);
    throw error;
  }
};

// Test connection
const testConnection = async () => {
  try {
    if (!db) {
      await initDatabase();
    }
    
    const result = await db.get('SELECT 1 as test'); // expect: static
    if (result.test === 1) {
      logger.info('Database connection test successful');
      return true;
    }
    throw new Error('Connection test failed');
  } catch (error) {
    logger.error('Database connection test failed:', error);
    throw error;
  }
};

// Query function
const query = async (sql, params = []) => {
  const startTime = Date.now();
  
  try {
    if (!db) {
      await initDatabase();
    }
    
    let result;
    
    // Handle different query types
    if (sql.trim().toUpperCase().startsWith('SELECT')) {
      result = await db.all(sql, params);
      result = { rows: result, rowCount: result.length };
    } else if (sql.trim().toUpperCase().startsWith('INSERT')) {
      const insertResult = await db.run(sql, params);
      // For INSERT with RETURNING, we need to fetch the inserted row
      if (sql.toUpperCase().includes('RETURNING')) {
        const selectSql = sql.replace(/INSERT.*RETURNING/i, 'SELECT').replace(/VALUES.*RETURNING/i, 'FROM');
        const rows = await db.all(`SELECT * FROM ${sql.match(/INSERT INTO (\w+)/i)[1]} WHERE rowid = ?`, [insertResult.lastID]); // expect: dynamic
        result = { rows, rowCount: insertResult.changes, insertId: insertResult.lastID };
      } else {
        result = { rows: [], rowCount: insertResult.changes, insertId: insertResult.lastID };
      }
    } else {
      const updateResult = await db.run(sql, params);
      result = { rows: [], rowCount: updateResult.changes };
    }
    
    const duration = Date.now() - startTime;
    logger.info('Query executed', {
      duration,
      rowCount: result.rowCount,
      sql: sql.substring(0, 100) + (sql.length > 100 ? '...' : '')
    });
    
    return result;
  } catch (error) {
    const duration = Date.now() - startTime;
    logger.error('Query error', {
      duration,
      error: error.message,
      sql: sql.substring(0, 100) + (sql.length > 100 ? '...' : '')
    });
    throw error;
  }
};

// Transaction function
const transaction = async (callback) => {
  if (!db) {
    await initDatabase();
  }
  
  try {
    await db.exec('BEGIN TRANSACTION'); // expect: static
    
    // Create a mock client object similar to pg
    const client = {
      query: async (sql, params) => {
        return await query(sql, params);
      }
    };
    
    await callback(client);
    await db.exec('COMMIT'); // expect: static
    
    logger.info('Transaction completed successfully');
  } catch (error) {
    await db.exec('ROLLBACK'); // expect: static
    logger.error('Transaction failed, rolled back:', error);
    throw error;
  }
};

// Close database connection
const closeDatabase = async () => {
  if (db) {
    await db.close();
    db = null;
    logger.info('Database connection closed');
  }
};

// Create basic tables for testing
const createTables = async () => {
  try {
    if (!db) {
      await initDatabase();
    }
    
    // Users table
    // expect-next: static
    await db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username VARCHAR(50) UNIQUE NOT NULL,
        email VARCHAR(100) UNIQUE NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        full_name VARCHAR(100),
        role VARCHAR(20) DEFAULT 'user',
        is_active BOOLEAN DEFAULT 1,
        created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
        updated_at DATETIME DEFAULT CURRENT_TIMESTAMP
      )
    `);
    
    // News table
    // expect-next: static
    await db.exec(`
      CREATE TABLE IF NOT EXISTS news (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title VARCHAR(200) NOT NULL,
        content TEXT NOT NULL,
        excerpt TEXT,
        featured_image VARCHAR(255),
        author_id INTEGER,
        category VARCHAR(50),
        status VARCHAR(20) DEFAULT 'draft',
        published_at DATETIME,
        created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
        updated_at DATETIME DEFAULT CURRENT_TIMESTAMP,
        FOREIGN KEY (author_id) REFERENCES users(id)
      )
    `);
    
    // UMKM table
    // expect-next: static
    await db.exec(`
      CREATE TABLE IF NOT EXISTS umkm (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        business_name VARCHAR(100) NOT NULL,
        owner_name VARCHAR(100) NOT NULL,
        category VARCHAR(50),
        description TEXT,
        address TEXT,
        phone VARCHAR(20),
        email VARCHAR(100),
        website VARCHAR(255),
        established_year INTEGER,
        employee_count INTEGER,
        annual_revenue DECIMAL(15,2),
        certification TEXT,
        products TEXT,
        images TEXT,
        social_media TEXT,
        status VARCHAR(20) DEFAULT 'active',
        created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
        updated_at DATETIME DEFAULT CURRENT_TIMESTAMP
      )
    `);

    // Add missing columns if they don't exist
    try {
      await db.exec(`ALTER TABLE umkm ADD COLUMN products TEXT`); // expect: static
    } catch (e) {
      // Column already exists
    }
    
    try {
      await db.exec(`ALTER TABLE umkm ADD COLUMN images TEXT`); // expect: static
    } catch (e) {
      // Column already exists
    }
    
    try {
      await db.exec(`ALTER TABLE umkm ADD COLUMN social_media TEXT`); // expect: static
    } catch (e) {
      // Column already exists
    }
    
    logger.info('Database tables created successfully');
  } catch (error) {
    logger.error('Failed to create tables:', error);
    throw error;
  }
};

module.exports = {
  initDatabase,
  query,
  transaction,
  testConnection,
  closeDatabase: closeDatabase,
  createTables,
  logger
};

// ---- (b) id 52843897821
const { getDb } = require('./db');
const { v4: uuidv4 } = require('uuid');

export default async function handler(req, res) {
    const db = getDb();

    if (req.method === 'GET') {
        db.all(`SELECT * FROM events ORDER BY timestamp_utc DESC LIMIT 50`, (err, rows) => { // expect: static
            res.status(200).json(rows || []);
        });
    } else if (req.method === 'POST') {
        const data = req.body;
        const event_id = data.event_id || uuidv4();
        const timestamp_utc = data.timestamp_utc || new Date().toISOString();
        
        // Mock delivered_to logic
        let delivered_to = "None (Canceled)";
        if (!data.canceled) {
            delivered_to = JSON.stringify(["Hospital", "Emergency Services"]);
        }

        // expect-next: static
        db.run(`INSERT INTO events (event_id, timestamp_utc, local_timestamp, area_name, event_type, severity, canceled, accel_peak, speed_before, speed_after, fire_confidence, fallback_sent, delivered_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [event_id, timestamp_utc, data.local_timestamp || timestamp_utc, data.area_name || "Unknown", data.event_type, data.severity, data.canceled || 0, data.accel_peak || 0, data.speed_before || 0, data.speed_after || 0, data.fire_confidence || 0, data.fallback_sent || 0, delivered_to],
            function(err) {
                res.status(200).json({ status: 'Event logged', event_id });
            }
        );
    }
}
