// Source: Express router "DJ-Playlisten-Modul" (routes over a documents store, better-sqlite3,
//   German comments) of a club/association management app (the index gave no repository name;
//   open it with read_file id=55367788678). Excerpt.
// Classes: better-sqlite3 prepare(`…`).all/get/run with `?` (static; the template on the line
//   after `db` / `.prepare(` chains, or inline with `as` casts after it), a statement kept in a
//   constant (PLAYLIST_JOIN_SELECT, static) and spliced into later templates that go on with a
//   clause (`${PLAYLIST_JOIN_SELECT} ORDER BY …`, `${PLAYLIST_JOIN_SELECT}${where} ORDER BY …`,
//   `${PLAYLIST_JOIN_SELECT} WHERE p.id = ?`: dynamic), conditions pushed into an array and a
//   ` WHERE ${…join(' AND ')}` piece kept in a variable (fragments), a `.run(` whose arguments
//   continue on the next lines, SQLite `COLLATE NOCASE`, `datetime('now')` (other-dialect),
//   7-decoys (route strings '/playlist-categories/:id', JSDoc "PATCH/DELETE /playlists/:id",
//   "(SET NULL)" in comments, regexes with quotes inside template holes
//   `${…replace(/[/\\:*?"<>|]/g, '_')}`, Content-Disposition header template, German error
//   texts 'Name darf nicht leer sein', ALLOWED_EXTENSIONS list).
// Adaptations: PATCH /playlist-categories/:id, PATCH and DELETE /playlist-djs/:id, POST
//   /playlists (multipart upload: one more `${PLAYLIST_JOIN_SELECT} WHERE p.id = ?`, two INSERTs
//   in db.transaction) and DELETE /playlists/:id were left out; the file-header comment was
//   shortened. No other line was changed.

/**
 * Routes fuer das DJ-Playlisten-Modul.
 *
 * Duenne DJ-Schicht ueber dem Dokumente-Speicher (Muster von documents.routes.ts,
 * spezialisiert auf EINE Datei pro Upload + Metadaten in dj_playlists/dj_playlist_categories).
 * Mounted als zweiter /api/dj-Mount in app.ts (verifyToken ist bereits davor registriert).
 *
 * Einzel-CRUD -> kein createBackup (CLAUDE.md-Regel).
 */
import { Router } from 'express';
import { ZipArchive } from 'archiver';
import multer from 'multer';
import path from 'path';
import fs from 'fs';
import fsp from 'fs/promises';
import os from 'os';
import db from '../db/connection';
import {
  folderFsPath,
  fileFsName,
  folderMirrorPath,
  fileMirrorName,
  syncMirror,
  moveToTrash,
  getOrCreatePlaylistFolder,
  getOrCreatePlaylistDjFolder,
  movePlaylistFileToFolder,
  renamePlaylistDjFolder,
  removePlaylistDjFolder,
} from '../lib/docFiles';

const router = Router();

interface DocFileRow {
  id: number;
  folder_id: number;
  filename: string;
  size_bytes: number;
  mime_type: string | null;
}

// expect-next: static
const PLAYLIST_JOIN_SELECT = `
  SELECT p.id, p.title, p.category_id, c.name AS category_name,
         p.dj_id, dj.name AS dj_name, p.year,
         p.doc_file_id, df.filename, df.mime_type, df.size_bytes,
         p.created_at, p.updated_at
  FROM dj_playlists p
  JOIN doc_files df ON df.id = p.doc_file_id
  LEFT JOIN dj_playlist_categories c ON c.id = p.category_id
  LEFT JOIN dj_playlist_djs dj ON dj.id = p.dj_id
`;

/** Erlaubte Extensions fuer Playlist-Uploads (Threat T-dk0-01). */
const ALLOWED_EXTENSIONS = ['.xlsx', '.xls', '.csv', '.pdf', '.html', '.htm', '.docx', '.txt'];

const TMP_DIR = path.join(os.tmpdir(), 'benny-dj-playlists-tmp');
const upload = multer({
  dest: TMP_DIR,
  limits: { fileSize: 100 * 1024 * 1024 },
  fileFilter: (_req, file, cb) => {
    const ext = path.extname(file.originalname).toLowerCase();
    if (!ALLOWED_EXTENSIONS.includes(ext)) {
      cb(new Error(`Nicht erlaubter Dateityp: ${ext}`));
    } else {
      cb(null, true);
    }
  },
});

// ── Kategorien (eigenes Pfad-Praefix /playlist-categories, unkritisch vs. :id) ──

/** GET /api/dj/playlist-categories */
router.get('/playlist-categories', (_req, res) => {
  const rows = db
    .prepare(`SELECT id, name, sort_order, created_at FROM dj_playlist_categories ORDER BY sort_order ASC, name COLLATE NOCASE ASC`) // expect: static
    .all();
  res.json(rows);
});

/** POST /api/dj/playlist-categories — Body: { name }. */
router.post('/playlist-categories', (req, res) => {
  const { name } = (req.body ?? {}) as { name?: string };
  const trimmed = (name ?? '').trim();
  if (trimmed.length === 0) {
    res.status(400).json({ error: 'Name darf nicht leer sein' });
    return;
  }
  const info = db
    .prepare(`INSERT INTO dj_playlist_categories (name) VALUES (?)`) // expect: static
    .run(trimmed);
  const row = db
    .prepare(`SELECT id, name, sort_order, created_at FROM dj_playlist_categories WHERE id = ?`) // expect: static
    .get(info.lastInsertRowid);
  res.status(201).json(row);
});

/** DELETE /api/dj/playlist-categories/:id — Playlists werden "Ohne Kategorie" (SET NULL). */
router.delete('/playlist-categories/:id', (req, res) => {
  const id = parseInt(req.params.id, 10);
  if (!Number.isFinite(id)) {
    res.status(400).json({ error: 'Ungueltige Kategorie-ID' });
    return;
  }
  const existing = db.prepare(`SELECT id FROM dj_playlist_categories WHERE id = ?`).get(id); // expect: static
  if (!existing) {
    res.status(404).json({ error: 'Kategorie nicht gefunden' });
    return;
  }
  db.prepare(`DELETE FROM dj_playlist_categories WHERE id = ?`).run(id); // expect: static
  res.json({ ok: true });
});

// ── DJs (eigenes Pfad-Praefix /playlist-djs, unkritisch vs. :id) ─────────────

/** GET /api/dj/playlist-djs */
router.get('/playlist-djs', (_req, res) => {
  const rows = db
    .prepare(`SELECT id, name, sort_order, created_at FROM dj_playlist_djs ORDER BY sort_order ASC, name COLLATE NOCASE ASC`) // expect: static
    .all();
  res.json(rows);
});

/** POST /api/dj/playlist-djs — Body: { name }. */
router.post('/playlist-djs', (req, res) => {
  const { name } = (req.body ?? {}) as { name?: string };
  const trimmed = (name ?? '').trim();
  if (trimmed.length === 0) {
    res.status(400).json({ error: 'Name darf nicht leer sein' });
    return;
  }
  const info = db.prepare(`INSERT INTO dj_playlist_djs (name) VALUES (?)`).run(trimmed); // expect: static
  const row = db
    .prepare(`SELECT id, name, sort_order, created_at FROM dj_playlist_djs WHERE id = ?`) // expect: static
    .get(info.lastInsertRowid);
  res.status(201).json(row);
});

// ── Playlists ────────────────────────────────────────────────────────────────

/** GET /api/dj/playlists */
router.get('/playlists', (_req, res) => {
  const rows = db.prepare(`${PLAYLIST_JOIN_SELECT} ORDER BY p.id DESC`).all(); // expect: dynamic
  res.json(rows);
});

/**
 * GET /api/dj/playlists/export.zip?category_id=&dj_id= — gefilterte Playlisten
 * als ZIP. Filter sind optional und kombinierbar; ohne Filter alle Playlisten.
 * Eintrags-Namen: sprechender Titel + Original-Extension, Kollisions-Suffix.
 * (Kein Konflikt mit PATCH/DELETE /playlists/:id — andere HTTP-Methoden.)
 */
router.get('/playlists/export.zip', (req, res) => {
  const categoryId = req.query.category_id !== undefined && req.query.category_id !== ''
    ? parseInt(String(req.query.category_id), 10) : null;
  const djId = req.query.dj_id !== undefined && req.query.dj_id !== ''
    ? parseInt(String(req.query.dj_id), 10) : null;
  if ((categoryId !== null && !Number.isFinite(categoryId)) || (djId !== null && !Number.isFinite(djId))) {
    res.status(400).json({ error: 'Ungueltiger Filter' });
    return;
  }

  const conditions: string[] = [];
  const params: number[] = [];
  if (categoryId !== null) { conditions.push('p.category_id = ?'); params.push(categoryId); } // expect: fragment
  if (djId !== null) { conditions.push('p.dj_id = ?'); params.push(djId); } // expect: fragment
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''; // expect: fragment
  const rows = db
    .prepare(`${PLAYLIST_JOIN_SELECT}${where} ORDER BY p.title COLLATE NOCASE ASC`) // expect: dynamic
    .all(...params) as {
      id: number; title: string; category_name: string | null; dj_name: string | null;
      doc_file_id: number; filename: string;
    }[];
  if (rows.length === 0) {
    res.status(400).json({ error: 'Keine Playlisten für diesen Filter.' });
    return;
  }

  // ZIP-Name aus den aktiven Filtern ableiten.
  const nameParts = ['Playlisten'];
  if (categoryId !== null && rows[0].category_name) nameParts.push(rows[0].category_name);
  if (djId !== null && rows[0].dj_name) nameParts.push(rows[0].dj_name);
  const zipName = `${nameParts.join(' - ').replace(/[/\\:*?"<>|]/g, '_')}.zip`;
  const asciiZip = zipName.replace(/[^\x20-\x7E]/g, '_').replace(/"/g, '');

  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="${asciiZip}"; filename*=UTF-8''${encodeURIComponent(zipName)}`);

  const archive = new ZipArchive({ zlib: { level: 9 } });
  archive.on('error', (err) => {
    if (!res.headersSent) res.status(500).json({ error: err.message });
    else { try { res.destroy(); } catch { /* ignore */ } }
  });
  archive.pipe(res);

  const usedNames = new Set<string>();
  for (const row of rows) {
    const df = db
      .prepare(`SELECT id, folder_id, filename FROM doc_files WHERE id = ?`) // expect: static
      .get(row.doc_file_id) as { id: number; folder_id: number; filename: string } | undefined;
    if (!df) continue;
    const abs = path.join(folderFsPath(df.folder_id).absolute, fileFsName(df.filename));
    if (!fs.existsSync(abs)) continue;
    const ext = path.extname(df.filename);
    // Sprechender Eintrags-Name: Playlist-Titel (Original-Schreibweise, minimal bereinigt).
    let entryName = `${row.title.replace(/[/\\:*?"<>|\x00-\x1f]/g, '_').trim() || 'playlist'}${ext}`;
    if (usedNames.has(entryName)) {
      let n = 2;
      while (usedNames.has(`${path.basename(entryName, ext)} (${n})${ext}`)) n++;
      entryName = `${path.basename(entryName, ext)} (${n})${ext}`;
    }
    usedNames.add(entryName);
    archive.file(abs, { name: entryName });
  }

  void archive.finalize();
});

/**
 * PATCH /api/dj/playlists/:id — Body: { title?, category_id?, dj_id?, year? }
 * (category_id/dj_id/year null erlaubt). Bei dj_id-Wechsel zieht die Datei
 * automatisch in den Ziel-Ordner um.
 */
router.patch('/playlists/:id', async (req, res) => {
  const id = parseInt(req.params.id, 10);
  if (!Number.isFinite(id)) {
    res.status(400).json({ error: 'Ungueltige Playlist-ID' });
    return;
  }
  const existing = db
    .prepare(`SELECT id, doc_file_id FROM dj_playlists WHERE id = ?`) // expect: static
    .get(id) as { id: number; doc_file_id: number } | undefined;
  if (!existing) {
    res.status(404).json({ error: 'Playlist nicht gefunden' });
    return;
  }

  const { title, category_id, dj_id, year } = (req.body ?? {}) as {
    title?: string;
    category_id?: number | null;
    dj_id?: number | null;
    year?: number | null;
  };

  if (title !== undefined) {
    const trimmed = title.trim();
    if (trimmed.length === 0) {
      res.status(400).json({ error: 'Anzeigename darf nicht leer sein' });
      return;
    }
    db.prepare(`UPDATE dj_playlists SET title = ?, updated_at = datetime('now') WHERE id = ?`).run(trimmed, id); // expect: static
  }
  if (category_id !== undefined) {
    db.prepare(`UPDATE dj_playlists SET category_id = ?, updated_at = datetime('now') WHERE id = ?`).run( // expect: static
      category_id,
      id,
    );
  }
  if (dj_id !== undefined) {
    let targetFolderId: number;
    if (dj_id !== null) {
      const djRow = db.prepare(`SELECT name FROM dj_playlist_djs WHERE id = ?`).get(dj_id) as // expect: static
        | { name: string }
        | undefined;
      if (!djRow) {
        res.status(400).json({ error: 'DJ nicht gefunden' });
        return;
      }
      targetFolderId = getOrCreatePlaylistDjFolder(djRow.name);
    } else {
      targetFolderId = getOrCreatePlaylistFolder();
    }
    db.prepare(`UPDATE dj_playlists SET dj_id = ?, updated_at = datetime('now') WHERE id = ?`).run(dj_id, id); // expect: static
    await movePlaylistFileToFolder(existing.doc_file_id, targetFolderId);
  }
  if (year !== undefined) {
    db.prepare(`UPDATE dj_playlists SET year = ?, updated_at = datetime('now') WHERE id = ?`).run(year, id); // expect: static
  }

  const row = db.prepare(`${PLAYLIST_JOIN_SELECT} WHERE p.id = ?`).get(id); // expect: dynamic
  res.json(row);
});

export default router;
