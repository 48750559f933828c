// Source: a table class of a small Java database layer (package database.factory.country), found
// with find_string 'db.executeUpdate("' (index id 44604717235); repository name not returned.
// Verbatim, complete file.
// Classes: wrappers (a project Database object with executeUpdate / executeQuery taking SQL
//          text), dynamic (lower-case insert / select / delete and a CREATE TABLE built by "+"
//          concatenation of a schema name, a table-name constant, quoted values and helper calls
//          fieldChar(…) / tableAdditions(…) / tableDriver(…); multi-line statements labelled on
//          their first piece only — "PRIMARY KEY (countryId)" is a later piece, unlabelled),
//          decoys (release id "1.0.0.0", country names, field descriptions "Key countryId",
//          the table comment "TABLE of Countries Definitions" handed to tableDriver, the table
//          name constant "Countries", /*catch*/ comments).
package database.factory.country;

import java.util.List;

import org.apache.commons.lang3.StringUtils;

import database.Database;
import database.Table;
import database.Utils.release.Release;
import logging.Logger;


public class DataTableCountry extends Table {
	
	protected static final String Id = "Countries";
	
	@Override
	protected String getId() {
		return Id;
	}
	
	public static synchronized boolean insert(final Database db, 
			final String countryId, final String desc){

		boolean found = exist(db, countryId);
		if ( ! found ) {
			
			try {
				return db.executeUpdate("insert into "+db.getDbSchema()+"."+ DataTableCountry.Id + // expect: dynamic
						" values(" + ValueChar(countryId) + ValueChar(desc) +
						ValueAdditionals()+ ")");

			} catch (Exception e) {

				Logger.log(Object.class.getName(), e);
				return false;
			} /*catch*/
		} 
		
		return found;

	} /*insertUser*/
	
	public static synchronized boolean exist(final Database db, final String keyValue) {
		
		try {
			List<List<Object>> rows = db.executeQuery("select * from "+db.getDbSchema()+"." + DataTableCountry.Id + // expect: dynamic
					" where countryId = '" + keyValue +"'");
			
			if(rows.size() > 0){
				return true;
				
			} else {
				return false;
			}
			
		} catch (Exception e) {
			Logger.log(DataTableCountry.class, e);
			
		}
		
		return false;
	}
	
	protected synchronized boolean createTable(Database db){
		try {
			return db.executeUpdate (
				"CREATE TABLE "+db.getDbSchema()+"." + DataTableCountry.Id + " ( " + // expect: dynamic
					fieldChar("countryId", "12", "0", "Key countryId") +
					fieldChar("description", "128", "1", "Description") + 
					tableAdditions("2") + 
					"PRIMARY KEY (countryId)" +
					")" + tableDriver("TABLE of Countries Definitions"));
		} catch (Exception e) {
			Logger.log(DataTableCountry.class, e);
			
		} /* catch */
		
		return false;
	} /* createTable */
	
	public static synchronized boolean deleteCountry(final Database db, final String keyValue){

		try {
			return db.executeUpdate("delete from "+db.getDbSchema()+"." + DataTableCountry.Id + // expect: dynamic
					" where countryId = '"+keyValue+"'");

		} catch (Exception e) {
			Logger.log(DataTableCountry.class, e);
			
		} /*catch*/

		return false;
	} /* deleteCountry */
	
	@Override
	public boolean executeDbMigrate(Database db, Release relase){
		
		if( StringUtils.equals("1.0.0.0" , relase.releaseID) ) {
			
			try {
				
				DataTableCountry.insert(db, "DE", "Germany");
				DataTableCountry.insert(db, "NZ", "New Zealand");
				DataTableCountry.insert(db, "AUS", "Australia");
				return true;
				
			} catch (Exception e) {
				System.out.println(e.getMessage());
				return false;
			} /* catch */
			
			
		} else {
			
			return false;
		} /* endif release */
		
	} /* dbMigrate */

	
	@Override
	public boolean executeDbInit(Database db) {
		return createTable(db);
	}
	
} /* DataSetCountry */
