// Source: two Spring NamedParameterJdbcTemplate DAOs (the index gave no repository names; open them
// with read_file id=…):
//   (a) id 38676203835  home.ivishnyakova.store GoodsStoreDao (Russian comments), excerpt
//   (b) id 4590922965   com.seniorproject.project FileStorageRepository: SQL assembled with
//                       java.util.StringJoiner, one keyword per add()
// Classes: 4-placeholders (:name), literal-only `+` concatenation (static), 6-dynamic (`+` with a
//   ternary ASC/DESC, StringBuilder(first piece) + append, StringJoiner whose first piece is a
//   lone keyword "SELECT" / "INSERT INTO" / "DELETE"), statements kept in a local `sql` variable
//   and passed to a helper (getGoodsListBySql), 7-decoys (logger texts "SQL = …", Russian
//   comments naming запрос/таблица, column-name constants, RowMapper column names, a
//   StringJoiner(", :") separator, "ASC"/"DESC" pieces).
// Adaptations: (a) and (b) concatenated; (a) keeps its imports, fields, constructor and the
//   methods insert, update, delete, getGoodsById, getGoodsListBySql, both getGoodsList and
//   getGoodsListByFilter (GoodsMapper kept; the Russian doc comments of the methods except
//   getGoodsListByFilter's were left out); (b)'s package and import lines are comments, and
//   `public` was dropped from its class (one public class per file). Labels were appended to
//   existing lines; no line was otherwise changed.

// ---- (a) id 38676203835
package home.ivishnyakova.store.dao.storeDao;

import home.ivishnyakova.store.dao.GoodsDao;
import home.ivishnyakova.store.entity.Goods;
import home.ivishnyakova.store.exceptions.StoreException;
import home.ivishnyakova.store.exceptions.ValidationException;
import home.ivishnyakova.store.message.ErrorProperties;
import home.ivishnyakova.store.utils.LoggerUtil;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import javax.annotation.Resource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/*Класс GoodsStoreDao реализовывает запросы CRUD к таблице goods.
*
*Автор: Вишнякова И.Н.
* */
@Repository
public class GoodsStoreDao implements GoodsDao {

    //для логирования
    private static final Logger logger = LogManager.getLogger(LoggerUtil.getClassName());

    //для выполнения запросов к БД
    @Autowired
    private NamedParameterJdbcTemplate namedParameterJdbcTemplate;

    //сообщения - для логгирования
    @Resource(name="messages")
    private Properties messages;

    //описания ошибок
    @Resource(name="errors")
    private ErrorProperties errors;

    public GoodsStoreDao(NamedParameterJdbcTemplate namedParameterJdbcTemplate){
        this.namedParameterJdbcTemplate = Optional.ofNullable(namedParameterJdbcTemplate)
                .orElseThrow(( ) -> new IllegalArgumentException(errors.getErrorMessage("ILLEGAL_JDBC").getMessage()));
    }

    @Override
    public boolean insert(Goods goods) throws ValidationException {
        boolean result = false;
        if (Optional.ofNullable(goods).isPresent()) {

            goods.validate(messages);

            String sql = "INSERT INTO goods(name,price,description,in_storage,id_category,id_producer) " + // expect: static
                    "VALUES(:name,:price,:description,:in_storage,:id_category,:id_producer)";

            //для получения ключа новой записи
            KeyHolder keyHolder = new GeneratedKeyHolder();

            //формирование отображения именованных параметров
            MapSqlParameterSource parameters = new MapSqlParameterSource();
            parameters.addValue("name", goods.getName());
            parameters.addValue("price", goods.getPrice());
            parameters.addValue("description", goods.getDescription());
            parameters.addValue("in_storage", goods.isIn_storage());
            parameters.addValue("id_category", goods.getId_category());
            parameters.addValue("id_producer", goods.getId_producer());

            try{
                if (result = (namedParameterJdbcTemplate.update(sql, parameters, keyHolder, new String[]{"id"}) == 1)) {
                    //получить значение ключа добавленного продукта
                    Integer generatedId = keyHolder.getKey().intValue();
                    goods.setId(generatedId);
                }
            }catch(DataAccessException e){
                logger.error(messages.getProperty("NOT_INSERTED_GOODS") + ": " + goods, e);
                throw new StoreException(errors.getErrorMessage("NOT_INSERTED_PRODUCT"), e);
            }
        }
        return result;
    }

    @Override
    public boolean update(Goods goods) throws ValidationException  {

        if (Optional.ofNullable(goods).isPresent()) {

            goods.validate(messages);

            String sql = "UPDATE goods SET name=:name, price=:price, description=:description, " + // expect: static
                         "in_storage=:in_storage, id_category=:id_category, id_producer=:id_producer " +
                         "WHERE id=:id";

            //формирование отображения именованных параметров
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("name", goods.getName());
            parameters.put("price", goods.getPrice());
            parameters.put("description", goods.getDescription());
            parameters.put("in_storage", goods.isIn_storage());
            parameters.put("id_category", goods.getId_category());
            parameters.put("id_producer", goods.getId_producer());
            parameters.put("id", goods.getId());

            try {
                return namedParameterJdbcTemplate.update(sql, parameters) == 1;
            }catch (DataAccessException e){
                logger.error(messages.getProperty("NOT_UPDATED_GOODS") + ": " + goods, e);
                throw new StoreException(errors.getErrorMessage("NOT_UPDATED_PRODUCT"), e);
            }
        }
        return false;
    }

    @Override
    public boolean delete(int id) {
        String sql = "DELETE FROM goods WHERE id=:id"; // expect: static
        try {
            return namedParameterJdbcTemplate.update(sql, new MapSqlParameterSource("id", id)) == 1;
        }catch (DataAccessException e){
            logger.error(messages.getProperty("NOT_DELETED_GOODS") + ": " + id, e);
            throw new StoreException(errors.getErrorMessage("NOT_DELETED_PRODUCT"), e);
        }
    }

    @Override
    public Goods getGoodsById(int id) {
        String sql = "SELECT * FROM goods WHERE id=:id"; // expect: static
        try{
            return namedParameterJdbcTemplate.queryForObject(sql, new MapSqlParameterSource("id", id), new GoodsMapper());
        }catch (DataAccessException e){
            logger.error(messages.getProperty("NO_PRODUCT") + ": " + id, e);
            throw new StoreException(errors.getErrorMessage("NO_PRODUCT"), e);
        }
    }

    private List<Goods> getGoodsListBySql(String sql) {
        try{
            return namedParameterJdbcTemplate.query(sql, new GoodsMapper());
        }catch (DataAccessException e){
            logger.error(messages.getProperty("NO_PRODUCTS"), e);
            throw new StoreException(errors.getErrorMessage("NO_PRODUCTS"), e);
        }
    }

    @Override
    public List<Goods> getGoodsList() {
        String sql = "SELECT * FROM goods ORDER BY id DESC"; // expect: static
        return getGoodsListBySql(sql);
    }

    @Override
    public List<Goods> getGoodsList(boolean isAsc) {
        String sql = "SELECT * FROM goods ORDER BY name " + (isAsc ? "ASC" : "DESC"); // expect: dynamic
        return getGoodsListBySql(sql);
    }

    /*Метод getGoodsListByFilter выполняет запрос на выборку товаров согласно параметра фильтра
    * с сортировкой по возрастанию по наименованию товара.
    * @param    minPrice - минимальная цена.
    * @param    maxPrice - максимальная цена.
    * @param    id_category - код категории.
    * @param    id_producer - код производитель.
    * @param    in_storage - на складе или нет
    * В запрос включаются параметры при выполнении след.условий:
    *- id_producer <> 0;
    *- id_category <> 0;
    *- minPrice <= maxPrice и minPrice <> 0 и maxPrice <> 0;
    * @return   список товаров, или пустой - если нет товаров в БД согдасно фильтру.
    * @throws   StoreException - произошла ошибка при выполнении запроса.
    * */
    @Override
    public List<Goods> getGoodsListByFilter(float minPrice, float maxPrice, int id_category, int id_producer, boolean in_storage) {

        //формирование отображения именованных параметров
        Map<String, Object> parameters = new HashMap<>();

        StringBuilder sql = new StringBuilder("SELECT * FROM goods WHERE in_storage = "); // expect: dynamic
        sql.append(in_storage);

        if(id_category != 0) {
            sql.append(" AND id_category = ");
            sql.append(id_category);
        }

        if(id_producer != 0){
            sql.append(" AND id_producer = ");
            sql.append(id_producer);
       }

        if((minPrice != 0.0 || maxPrice != 0.0) && minPrice <= maxPrice) {
            sql.append(" AND price BETWEEN :minPrice AND :maxPrice");
            parameters.put("minPrice", minPrice);
            parameters.put("maxPrice", maxPrice);
        }

        sql.append(" ORDER BY name ASC");
        logger.info("SQL = " + sql.toString());

        try{
            return namedParameterJdbcTemplate.query(sql.toString(), parameters, new GoodsMapper());
        }catch (DataAccessException e){
            logger.error(messages.getProperty("NO_PRODUCTS"), e);
            throw new StoreException(errors.getErrorMessage("NO_PRODUCTS"), e);
        }
    }

    /*Класс GoodsMapper преобразовывает строку таблицы goods
    * в объект Goods. */
    private static class GoodsMapper implements RowMapper<Goods> {
        @Override
        public Goods mapRow(ResultSet resultSet, int i) throws SQLException {
            return new Goods(
                    resultSet.getInt("id"),
                    resultSet.getString("name"),
                    resultSet.getFloat("price"),
                    resultSet.getString("description"),
                    resultSet.getBoolean("in_storage"),
                    resultSet.getInt("id_category"),
                    resultSet.getInt("id_producer")
            );
        }
    }
}

// ---- (b) id 4590922965
// package com.seniorproject.project.repository;
//
// import com.seniorproject.project.exception.ProjectException;
// import com.seniorproject.project.model.FileStorage;
// import com.seniorproject.project.repository.mapper.FileStorageMapper;
// import com.seniorproject.project.repository.mapper.UserMapper;
// import lombok.extern.slf4j.Slf4j;
// import org.springframework.beans.factory.annotation.Autowired;
// import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
// import org.springframework.stereotype.Repository;
//
// import java.util.HashMap;
// import java.util.List;
// import java.util.Map;
// import java.util.StringJoiner;

@Repository
@Slf4j
class FileStorageRepository {
    @Autowired
    private NamedParameterJdbcTemplate namedParameterJdbcTemplate;

    private static final String ID = "id";
    private static final String FILENAME = "file_name";
    private static final String PATH = "path";
    private static final String USER_ID = "user_id";
    private static final String TABLENAME = "filestorage";


    public List<FileStorage> getAllFiles(){
        StringJoiner sql  = new StringJoiner(" ");
        sql.add("SELECT"); // expect: dynamic
        sql.add((getAllFields()));
        sql.add("FROM");
        sql.add(TABLENAME);

        log.info("{}",sql.toString());
        try {
            return namedParameterJdbcTemplate.query(sql.toString(),new FileStorageMapper());
        }catch (Exception ex){
            throw new ProjectException(1999);
        }
    }

    private String getAllFields(){
        StringJoiner allfields = new StringJoiner(",");
        allfields.add(ID);
        allfields.add(FILENAME);
        allfields.add(PATH);
        allfields.add(USER_ID);

        return allfields.toString();
    }

    public int insertFiles(FileStorage fileStorage){
        Map<String, Object> namedParams = new HashMap<>();
        namedParams.put(ID, fileStorage.getId());
        namedParams.put(FILENAME, fileStorage.getFileName());
        namedParams.put(PATH, fileStorage.getPath());
        namedParams.put(USER_ID, fileStorage.getUserID());

        StringJoiner sql = new StringJoiner(" ");
        sql.add("INSERT INTO"); // expect: dynamic
        sql.add(TABLENAME);
        sql.add("(");
        sql.add(getAllFields());
        sql.add(")");
        sql.add("VALUES");
        sql.add("(");
        sql.add(getAllParams());
        sql.add(");");

        log.info("{}",sql.toString());
        try {
            return namedParameterJdbcTemplate.update(sql.toString(),namedParams);
        }catch (Exception ex){
            throw new ProjectException(1999);
        }
    }

    private String getAllParams() {
        StringJoiner params = new StringJoiner(", :");
        params.add(":" + ID);
        params.add(FILENAME);
        params.add(PATH);
        params.add(USER_ID);

        return params.toString();
    }

    public List<FileStorage> getFileById(int id){
        Map<String,Object> params = new HashMap<>();
        params.put(ID,id);
        StringJoiner sql = new StringJoiner(" ");
        sql.add("SELECT"); // expect: dynamic
        sql.add(getAllFields());
        sql.add("FROM");
        sql.add(TABLENAME);
        sql.add("WHERE");
        sql.add(ID);
        sql.add("= :id");

        log.info("{}",sql.toString());
        try{
            return namedParameterJdbcTemplate.query(sql.toString(),params,new FileStorageMapper());
        }catch (Exception e){
            throw new ProjectException(3000);
        }
    }

    public List<FileStorage> deleteFileById(int id){
        Map<String,Object> params = new HashMap<>();
        params.put(ID,id);

        StringJoiner sql = new StringJoiner(" ");
        sql.add("DELETE"); // expect: dynamic
        sql.add("FROM");
        sql.add(TABLENAME);
        sql.add("WHERE");
        sql.add(ID+ "=:id");

        if(namedParameterJdbcTemplate.update(sql.toString(),params) == 1){
            log.info("Delete File id {} success",id);
            return getAllFiles();
        }
        else{
            log.info("No File with id {}",id);
            throw new ProjectException(3000);
        }
    }
}
