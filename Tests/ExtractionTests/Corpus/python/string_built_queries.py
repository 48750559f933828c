# Sources (three files, excerpts verbatim, concatenated; the index did not return the
# repository names):
#   1. a game market tracker's SQLite module (found with find_string 'query += " AND ', index id
#      62642169344) — the tail of the batch-insert function and the functions
#      update_tx_timestamp_if_earlier, save_state, load_state, find_existing_tx_by_values,
#      delete_preset, get_transactions_by_preset;
#   2. a Flask food-store locator app.py by Michael Clinton (index id 41725792154) — the route
#      get_food_locations, complete;
#   3. a Flask "pokemon" user model using connectToMySQL(db).query_db (index id 10002286244) —
#      the methods get_all_pokeballs, get_pokeballs, update_pokeballs, add_pokeballs,
#      validate_user (shortened to its first checks).
#   The first function of (1) starts mid-body in the excerpt; its header is restored as
#   "def insert_transactions(...)" (name invented, body verbatim).
# Classes: dynamic (a query = ( """ … """ ) extended with += " AND …" and += " ORDER BY …";
#          "SELECT * FROM stores WHERE 1=1" extended with +=; an f-string IN ({placeholders});
#          "… FROM user WHERE " extended with " AND ".join(conditions)), fragment (a condition
#          built with an f-string and appended to a list), wrappers (the app's
#          connectToMySQL(db).query_db(query, data)), SQLite-only syntax (INSERT OR IGNORE,
#          INSERT OR REPLACE), MySQL `user` table (PostgreSQL keyword), placeholders ? and
#          %(name)s, a statement assigned but never executed (update_pokeballs), decoys (print
#          texts "Error deleting preset …", validation messages, dict keys 'storeName', "Any",
#          strftime formats, " AND " separator, "%…%" LIKE patterns built in Python).
import sqlite3
from datetime import datetime, timedelta


# ---- 1. market tracker (SQLite) ----

def insert_transactions(transactions):
    conn = get_connection()
    cur = conn.cursor()
    rows = []
    for tx in transactions:
        timestamp = tx.get('timestamp')
        if hasattr(timestamp, 'strftime'):
            ts_str = timestamp.strftime("%Y-%m-%d %H:%M:%S")
        else:
            ts_str = str(timestamp)
        
        rows.append((
            tx.get('item_name'),
            int(tx.get('quantity', 0)),
            float(tx.get('price', 0.0)),
            tx.get('transaction_type'),
            ts_str,
            tx.get('tx_case'),
            int(tx.get('occurrence_index', 0)),
            tx.get('content_hash')
        ))
    
    # Batch insert with INSERT OR IGNORE (skips duplicates)
    # expect-next: static
    cur.executemany("""
        INSERT OR IGNORE INTO transactions 
        (item_name, quantity, price, transaction_type, timestamp, tx_case, occurrence_index, content_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    """, rows)
    
    inserted_count = cur.rowcount
    conn.commit()
    
    return inserted_count


# Utility: update timestamp to earlier game time when same tx (item,qty,price,type,occurrence) is detected later
def update_tx_timestamp_if_earlier(item_name: str, quantity: int, price: int, ttype: str, new_ts, occurrence_index: int | None = None):
    try:
        conn = get_connection()
        c = conn.cursor()
        query = (  # expect-next: dynamic
            """
            SELECT id, timestamp FROM transactions
            WHERE item_name = ? AND quantity = ? AND price = ? AND transaction_type = ?
            """
        )
        params = [item_name, int(quantity), int(price), ttype]
        if occurrence_index is not None:
            query += " AND occurrence_index = ?"
            params.append(int(occurrence_index))
        query += " ORDER BY timestamp DESC LIMIT 1"
        c.execute(query, params)
        row = c.fetchone()
        if not row:
            return False
        tx_id, existing_ts = row
        # Only update if the new game timestamp is earlier than the stored one
        try:
            # existing_ts may be string or datetime depending on adapter; normalize to string comparison via ISO
            from datetime import datetime
            if isinstance(existing_ts, str):
                try:
                    existing_dt = datetime.fromisoformat(existing_ts)
                except Exception:
                    existing_dt = None
            else:
                existing_dt = existing_ts
            if hasattr(new_ts, 'strftime'):
                new_dt = new_ts
            else:
                # try best-effort parse
                new_dt = datetime.fromisoformat(str(new_ts))
            if existing_dt and new_dt and new_dt < existing_dt:
                c.execute("UPDATE transactions SET timestamp = ? WHERE id = ?", (new_dt.strftime("%Y-%m-%d %H:%M:%S"), tx_id))  # expect: static
                conn.commit()
                return True
        except Exception:
            return False
    except Exception:
        return False

# Utility functions for persistent state
def save_state(key: str, value: str):
    """Save a key-value pair to persistent state"""
    try:
        conn = get_connection()
        c = conn.cursor()
        # expect-next: static
        c.execute("""
            INSERT OR REPLACE INTO tracker_state (key, value, updated_at)
            VALUES (?, ?, CURRENT_TIMESTAMP)
        """, (key, value))
        conn.commit()
    except Exception as e:
        print(f"Error saving state {key}: {e}")

def load_state(key: str, default=None):
    """Load a value from persistent state"""
    try:
        c = get_cursor()
        c.execute("SELECT value FROM tracker_state WHERE key = ?", (key,))  # expect: static
        row = c.fetchone()
        return row[0] if row else default
    except Exception as e:
        print(f"Error loading state {key}: {e}")
        return default

# Utility: find an existing transaction row by (item_name, quantity, price, transaction_type), optional timestamp/occurrence filter
def find_existing_tx_by_values(item_name: str, quantity: int, price: int, ttype: str, timestamp=None, occurrence_index: int | None = None):
    try:
        c = get_cursor()
        query = (  # expect-next: dynamic
            """
            SELECT id, timestamp, occurrence_index FROM transactions
            WHERE item_name = ? AND quantity = ? AND price = ? AND transaction_type = ?
            """
        )
        params = [item_name, int(quantity), int(price), ttype]
        if timestamp is not None:
            if hasattr(timestamp, 'strftime'):
                ts_val = timestamp.strftime("%Y-%m-%d %H:%M:%S")
            else:
                ts_val = str(timestamp)
            query += " AND timestamp = ?"
            params.append(ts_val)
        if occurrence_index is not None:
            query += " AND occurrence_index = ?"
            params.append(int(occurrence_index))
        query += " ORDER BY timestamp ASC LIMIT 1"
        c.execute(query, params)
        return c.fetchone()  # (id, timestamp, occurrence_index) or None
    except Exception:
        return None


def delete_preset(name: str) -> bool:
    """Delete an item preset by name.
    
    Args:
        name: The preset name to delete
        
    Returns:
        True if successful, False otherwise
    """
    try:
        conn = get_connection()
        c = conn.cursor()
        c.execute("DELETE FROM item_presets WHERE name = ?", (name,))  # expect: static
        conn.commit()
        return True
    except Exception as e:
        print(f"Error deleting preset '{name}': {e}")
        return False


def get_transactions_by_preset(preset_name: str, start_date: str, end_date: str) -> list[tuple]:
    """Retrieve transactions filtered by items in a preset.
    
    Args:
        preset_name: Name of the preset to use for filtering
        start_date: Start date (YYYY-MM-DD format)
        end_date: End date (YYYY-MM-DD format)
        
    Returns:
        List of transaction tuples
    """
    try:
        preset = get_preset_by_name(preset_name)
        if not preset or not preset['items']:
            return []
        
        items = preset['items']
        c = get_cursor()
        
        # Build IN clause with placeholders
        placeholders = ','.join('?' * len(items))
        # expect-next: dynamic
        query = f"""
            SELECT * FROM transactions 
            WHERE timestamp BETWEEN ? AND ?
            AND item_name IN ({placeholders})
            ORDER BY timestamp DESC
        """
        
        params = [f"{start_date} 00:00:00", f"{end_date} 23:59:59"] + items
        c.execute(query, params)
        return c.fetchall()
    except Exception as e:
        print(f"Error querying transactions by preset '{preset_name}': {e}")
        return []


# ---- 2. food-store locator (Flask + sqlite3) ----

@app.route('/api/food-locations', methods=['GET', 'POST'])
def get_food_locations():
    try:
        # Connect to the existing database
        conn = sqlite3.connect(DB_PATH)
        conn.row_factory = sqlite3.Row  # This enables column access by name
        cursor = conn.cursor()
       
        if request.method == 'POST' and request.is_json:
            # Get filter parameters from request
            filters = request.json
           
            # Start building the query
            query = "SELECT * FROM stores WHERE 1=1"  # expect: dynamic
            params = []
           
            # Apply filters if provided
            if filters.get('storeName'):
                query += " AND Name LIKE ?"
                params.append(f"%{filters['storeName']}%")
           
            if filters.get('location'):
                # This would need geocoding and distance calculation
                # For simplicity, we're just doing a text search on address
                query += " AND Address LIKE ?"
                params.append(f"%{filters['location']}%")
           
            if filters.get('priceRange'):
                query += " AND price_range = ?"
                params.append(filters['priceRange'])
           
            if filters.get('ethnicFoodType') and filters['ethnicFoodType'] != "Any":
                query += " AND Ethnicity = ?"
                params.append(filters['ethnicFoodType'])
           
            if filters.get('snap'):
                query += " AND EBT = 'yes'"
           
            # Execute the filtered query
            cursor.execute(query, params)
        else:
            # If no filters provided, return all stores
            cursor.execute("SELECT * FROM stores")  # expect: static
       
        rows = cursor.fetchall()
       
        # Convert to list of dicts
        locations = []
        for row in rows:
            try:
                # Get coordinates for the address
                lat, lng = geocode_address(row['Address'])
                
                # Determine price range (using a placeholder since it's not in your DB)
                price_range = "$" # Default value
                
                locations.append({
                    "name": row['Name'],
                    "address": row['Address'],
                    "website": row['URL'],
                    "price_range": price_range,
                    "lat": lat,
                    "lng": lng,
                    "snap_accepted": row['EBT'].lower() == 'yes',
                    "ethnic_food_type": row['Ethnicity']
                })
                # Add a small delay to avoid overwhelming geocoding service
                time.sleep(0.1)
            except Exception as e:
                print(f"Error processing row {row['Name']}: {e}")
       
        conn.close()
        return jsonify(locations)
   
    except Exception as e:
        print(f"Error accessing database: {e}")
        return jsonify({"error": str(e)}), 500


# ---- 3. pokemon user model (connectToMySQL wrapper) ----

class User:
    @classmethod
    def get_all_pokeballs(cls, data):
        query = "SELECT normal_pokeballs, great_pokeballs, ultra_pokeballs, master_pokeballs FROM user WHERE id = %(id)s;"  # expect: static
        results = connectToMySQL(db).query_db(query, data)
        if results:
            return results[0]
        else:
            return None
        
    
    @classmethod
    def get_pokeballs(cls, filters):
        query = "SELECT normal_pokeballs, great_pokeballs, ultra_pokeballs, master_pokeballs FROM user WHERE "  # expect: dynamic
        conditions = []
        for key, value in filters.items():
            conditions.append(f"{key} = '{value}'")  # expect: fragment
        query += " AND ".join(conditions) + ";"
        results = connectToMySQL(db).query_db(query)
        if results:
            return results[0]
        else:
            return None
    
    @classmethod
    def update_pokeballs(cls, data):
        query = "UPDATE user SET normal_pokeballs = %(normal_pokeballs)s, great_pokeballs = %(great_pokeballs)s, ultra_pokeballs = %(ultra_pokeballs)s, master_pokeballs = %(master_pokeballs)s WHERE id = %(id)s;"  # expect: static

    @classmethod
    def add_pokeballs(cls, data):
        query = "UPDATE user SET normal_pokeballs = normal_pokeballs + %(normal_pokeballs)s, great_pokeballs = great_pokeballs + %(great_pokeballs)s, ultra_pokeballs = ultra_pokeballs + %(ultra_pokeballs)s, master_pokeballs = master_pokeballs + %(master_pokeballs)s WHERE id = %(id)s;"  # expect: static
        connectToMySQL(db).query_db(query, data)
        

    @staticmethod
    def validate_user(data):
        print("Validating user...")
        print(data)

        if 'username' not in data:
            return {'error': True, 'message': 'Username is required.'}

        if len(data['username']) < 3:
            return {'error': True, 'message': 'Username must be at least 3 characters.'}

        existing_user = User.get_username(data['username'])
        if existing_user:
            return {'error': True, 'message': 'Username already exists.'}

        return {'error': False, 'message': 'User is valid.', 'user': data}
