// Source: read_file / find_string index id 5734486211 (the index gave no repository name): an
// annotated copy (Chinese comments) of MyBatis 3's org/apache/ibatis/binding/MapperMethod.java,
// Apache-2.0, Copyright 2009-2019 the original author or authors.
// Classes: decoy-only file (no SQL is handed to a database here: statements are looked up by id in
// MyBatis's Configuration). Decoys: `switch (command.getType())` with `case INSERT:`, `case UPDATE:`,
// `case DELETE:`, `case SELECT:`, `case FLUSH:` (SqlCommandType enum constants),
// `sqlSession.insert/update/delete/select/selectOne/selectList(command.getName(), param)` calls
// whose first argument is a mapped-statement id, `SqlCommandType.UNKNOWN`, exception texts
// ("Unknown execution method for: ", "Invalid bound statement (not found): ",
// "Mapper method '… attempted to return null …"), comments naming SQL statement kinds
// ("如果是更新语句" = "if it is an update statement"), `statementId = mapperInterface.getName() + "." + methodName`.
// Adaptations: excerpt; the licence block was shortened to its first line; executeForCursor,
// convertToDeclaredCollection, convertToArray, executeForMap and the MethodSignature class were
// dropped (the class is closed after SqlCommand); some Javadoc blocks, unused imports and the
// collection/array conversion at the end of executeForMany were dropped. Otherwise verbatim.
/**
 *    Copyright 2009-2019 the original author or authors.
 */
package org.apache.ibatis.binding;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Flush;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.StatementType;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSession;

/**
 * 类的作用：
 *
 * 记录 mapper 接口中方法对应的信息，主要是 SqlCommand 和 MethodSignature
 * SqlCommand：记录了当前 sql语句的名称和类型
 * MethodSignature：记录当前接口方法的 入参类型和反参信息
 */
public class MapperMethod {

  // 记录了sql的名称和类型
  private final SqlCommand command;
  // 对应的方法签名
  private final MethodSignature method;

  public MapperMethod(Class<?> mapperInterface, Method method, Configuration config) {
    this.command = new SqlCommand(config, mapperInterface, method);
    this.method = new MethodSignature(config, mapperInterface, method);
  }

  /**
   * 执行映射接口中的方法
   * @param sqlSession sqlSession接口的实例，通过它可以进行数据库的操作
   * @param args 执行接口方法时传入的参数
   * @return 数据库操作结果
   */
  public Object execute(SqlSession sqlSession, Object[] args) {
    Object result;
    // 根据SQL语句类型，执行不同操作
    switch (command.getType()) {
      // 如果是插入语句
      case INSERT: {
        // 将参数顺序与实参对应好
        Object param = method.convertArgsToSqlCommandParam(args);
        // 执行操作并返回结果
        result = rowCountResult(sqlSession.insert(command.getName(), param));
        break;
      }
      // 如果是更新语句
      case UPDATE: {
        // 将参数顺序与实参对应好
        Object param = method.convertArgsToSqlCommandParam(args);
        // 执行操作并返回结果
        result = rowCountResult(sqlSession.update(command.getName(), param));
        break;
      }
      // 如果是删除语句MappedStatement
      case DELETE: {
        // 将参数顺序与实参对应好
        Object param = method.convertArgsToSqlCommandParam(args);
        // 执行操作并返回结果
        result = rowCountResult(sqlSession.delete(command.getName(), param));
        break;
      }
      // 如果是查询语句
      case SELECT:
        // 方法返回值为void，且有结果处理器
        if (method.returnsVoid() && method.hasResultHandler()) {
          // 使用结果处理器执行查询
          executeWithResultHandler(sqlSession, args);
          result = null;
        }
        // 多条结果查询
        else if (method.returnsMany()) {
          result = executeForMany(sqlSession, args);
        }
        // Map结果查询
        else if (method.returnsMap()) {
          result = executeForMap(sqlSession, args);
        }
        // 游标类型结果查询
        else if (method.returnsCursor()) {
          result = executeForCursor(sqlSession, args);
        }
        // 单条结果查询
        else {
          Object param = method.convertArgsToSqlCommandParam(args);
          result = sqlSession.selectOne(command.getName(), param);
          if (method.returnsOptional()
              && (result == null || !method.getReturnType().equals(result.getClass()))) {
            result = Optional.ofNullable(result);
          }
        }
        break;
      // 清空缓存语句
      case FLUSH:
        result = sqlSession.flushStatements();
        break;
      // 未知语句类型，抛出异常
      default:
        throw new BindingException("Unknown execution method for: " + command.getName());
    }
    if (result == null && method.getReturnType().isPrimitive() && !method.returnsVoid()) {
      // 查询结果为null,但返回类型为基本类型。因此返回变量无法接收查询结果，抛出异常。
      throw new BindingException("Mapper method '" + command.getName()
          + " attempted to return null from a method with a primitive return type (" + method.getReturnType() + ").");
    }
    return result;
  }

  private Object rowCountResult(int rowCount) {
    final Object result;
    if (method.returnsVoid()) {
      result = null;
    } else if (Integer.class.equals(method.getReturnType()) || Integer.TYPE.equals(method.getReturnType())) {
      result = rowCount;
    } else if (Long.class.equals(method.getReturnType()) || Long.TYPE.equals(method.getReturnType())) {
      result = (long)rowCount;
    } else if (Boolean.class.equals(method.getReturnType()) || Boolean.TYPE.equals(method.getReturnType())) {
      result = rowCount > 0;
    } else {
      throw new BindingException("Mapper method '" + command.getName() + "' has an unsupported return type: " + method.getReturnType());
    }
    return result;
  }

  private void executeWithResultHandler(SqlSession sqlSession, Object[] args) {
    MappedStatement ms = sqlSession.getConfiguration().getMappedStatement(command.getName());
    if (!StatementType.CALLABLE.equals(ms.getStatementType())
        && void.class.equals(ms.getResultMaps().get(0).getType())) {
      throw new BindingException("method " + command.getName()
          + " needs either a @ResultMap annotation, a @ResultType annotation,"
          + " or a resultType attribute in XML so a ResultHandler can be used as a parameter.");
    }
    Object param = method.convertArgsToSqlCommandParam(args);
    if (method.hasRowBounds()) {
      RowBounds rowBounds = method.extractRowBounds(args);
      sqlSession.select(command.getName(), param, rowBounds, method.extractResultHandler(args));
    } else {
      sqlSession.select(command.getName(), param, method.extractResultHandler(args));
    }
  }

  private <E> Object executeForMany(SqlSession sqlSession, Object[] args) {
    List<E> result;
    // 解析参数名称和参数值，参数在数据存在时返回的 Map<String,Object> 类型，不存在数据时返回的是 null
    Object param = method.convertArgsToSqlCommandParam(args);
    if (method.hasRowBounds()) {
      RowBounds rowBounds = method.extractRowBounds(args);
      result = sqlSession.selectList(command.getName(), param, rowBounds);
    }
    // 执行普通的 查询逻辑
    else {
      // command.name 记录的是 MappedStatement的ID，param 为 参数名称和参数值组成的map
      result = sqlSession.selectList(command.getName(), param);
    }
    return result;
  }

  /**
   * 当查询不存在的map下的key时抛出异常
   * @param <V>
   */
  public static class ParamMap<V> extends HashMap<String, V> {

    private static final long serialVersionUID = -2212268410512043556L;

    @Override
    public V get(Object key) {
      if (!super.containsKey(key)) {
        throw new BindingException("Parameter '" + key + "' not found. Available parameters are " + keySet());
      }
      return super.get(key);
    }
  }

  /**
   * 类的作用：记录了当前 sql语句的名称 和 执行的类型
   */
  public static class SqlCommand {

    // SQL语句的名称，即 MappedStatement
    private final String name;

    // SQL语句的种类，一共分为以下六种：增、删、改、查、清缓存、未知
    private final SqlCommandType type;

    public SqlCommand(Configuration configuration, Class<?> mapperInterface, Method method) {
      // 方法名称
      final String methodName = method.getName();

      // 方法所在的类（可能是mapperInterface，也可能是mapperInterface的子类）
      final Class<?> declaringClass = method.getDeclaringClass();
      // 从这里可以看出 MappedStatement 是在启动 mybatis 时加载的
      MappedStatement ms = resolveMappedStatement(mapperInterface, methodName, declaringClass,
          configuration);
      if (ms == null) {
        if (method.getAnnotation(Flush.class) != null) {
          name = null;
          type = SqlCommandType.FLUSH;
        } else {
          throw new BindingException("Invalid bound statement (not found): "
              + mapperInterface.getName() + "." + methodName);
        }
      } else {
        name = ms.getId();
        type = ms.getSqlCommandType();
        if (type == SqlCommandType.UNKNOWN) {
          throw new BindingException("Unknown execution method for: " + name);
        }
      }
    }

    public String getName() {
      return name;
    }

    public SqlCommandType getType() {
      return type;
    }

    private MappedStatement resolveMappedStatement(Class<?> mapperInterface, String methodName,
        Class<?> declaringClass, Configuration configuration) {
      // 数据库操作语句的编号是：接口名.方法名
      String statementId = mapperInterface.getName() + "." + methodName;
      // configuration 保存了解析后的所有操作语句，去查找该语句
      if (configuration.hasStatement(statementId)) {
        // 从 configuration中找到了对应的语句，返回
        return configuration.getMappedStatement(statementId);
      } else if (mapperInterface.equals(declaringClass)) {
        // 说明递归调用已经到终点，但是仍然没有找到匹配的结果
        return null;
      }
      // 从方法的定义类开始，沿着父类向上寻找。找到接口类时停止
      for (Class<?> superInterface : mapperInterface.getInterfaces()) {
        if (declaringClass.isAssignableFrom(superInterface)) {
          MappedStatement ms = resolveMappedStatement(superInterface, methodName,
              declaringClass, configuration);
          if (ms != null) {
            return ms;
          }
        }
      }
      return null;
    }
  }
}
