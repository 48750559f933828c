// Source: traccar/traccar, src/main/java/org/traccar/storage/DatabaseStorage.java (read_file id 52143025529,
// commit 0ef80191aa84ac2381b890ce2e095fb469c39503). Licence: Apache-2.0.
// Cut: the stored file's first 353 lines (licence comment through the end of formatOrder); the rest
// (formatPermissionQuery and later) is left out, and one closing brace "}" of the class was added at the end.
// Classes: JDBC through the project's QueryBuilder; every statement is built at run time with StringBuilder
// (SELECT / INSERT / UPDATE / DELETE, table names from annotations, column lists and ? lists from streams);
// WHERE conditions and an ORDER BY ... LIMIT/OFFSET (or OFFSET ... FETCH FIRST for SQL Server) clause built by
// helpers for splicing; an IN (SELECT ...) condition; decoys: product-name check, exception text, "%" + v + "%".
/*
 * Copyright 2022 - 2026 Anton Tananaev (anton@traccar.org)
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.traccar.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.traccar.config.Config;
import org.traccar.config.Keys;
import org.traccar.model.BaseModel;
import org.traccar.model.Device;
import org.traccar.model.Group;
import org.traccar.model.GroupedModel;
import org.traccar.model.Permission;
import org.traccar.storage.query.Columns;
import org.traccar.storage.query.Condition;
import org.traccar.storage.query.Order;
import org.traccar.storage.query.Request;

import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class DatabaseStorage extends Storage {

    private final Config config;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final String databaseType;

    @Inject
    public DatabaseStorage(Config config, DataSource dataSource, ObjectMapper objectMapper) {
        this.config = config;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;

        try (var connection = dataSource.getConnection()) {
            databaseType = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new RuntimeException(e);
        }
    }

    @Override
    public <T> List<T> getObjects(Class<T> clazz, Request request) throws StorageException {
        try (var objects = getObjectsStream(clazz, request)) {
            return objects.toList();
        }
    }

    @Override
    public <T> Stream<T> getObjectsStream(Class<T> clazz, Request request) throws StorageException {
        StringBuilder query = new StringBuilder("SELECT "); // expect: dynamic
        if (request.getColumns() instanceof Columns.All) {
            query.append('*');
        } else {
            query.append(formatColumns(request.getColumns().getColumns(clazz, "set"), c -> c));
        }
        query.append(" FROM ").append(getStorageName(clazz));
        query.append(formatCondition(request.getCondition()));
        query.append(formatOrder(request.getOrder()));
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString());
            List<Object> values = getConditionVariables(request.getCondition());
            for (int index = 0; index < values.size(); index++) {
                builder.setValue(index, values.get(index));
            }
            return builder.executeQueryStreamed(clazz);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public <T> long addObject(T entity, Request request) throws StorageException {
        List<String> columns = request.getColumns().getColumns(entity.getClass(), "get");
        StringBuilder query = new StringBuilder("INSERT INTO "); // expect: dynamic
        query.append(getStorageName(entity.getClass()));
        query.append("(");
        query.append(formatColumns(columns, c -> c));
        query.append(") VALUES (");
        query.append(formatColumns(columns, c -> "?"));
        query.append(")");
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString(), true);
            builder.setObject(entity, columns);
            return builder.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public <T> void updateObject(T entity, Request request) throws StorageException {
        List<String> columns = request.getColumns().getColumns(entity.getClass(), "get");
        StringBuilder query = new StringBuilder("UPDATE "); // expect: dynamic
        query.append(getStorageName(entity.getClass()));
        query.append(" SET ");
        query.append(formatColumns(columns, c -> c + " = ?"));
        query.append(formatCondition(request.getCondition()));
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString());
            builder.setObject(entity, columns);
            List<Object> values = getConditionVariables(request.getCondition());
            for (int index = 0; index < values.size(); index++) {
                builder.setValue(columns.size() + index, values.get(index));
            }
            builder.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public void removeObject(Class<?> clazz, Request request) throws StorageException {
        StringBuilder query = new StringBuilder("DELETE FROM "); // expect: dynamic
        query.append(getStorageName(clazz));
        query.append(formatCondition(request.getCondition()));
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString());
            List<Object> values = getConditionVariables(request.getCondition());
            for (int index = 0; index < values.size(); index++) {
                builder.setValue(index, values.get(index));
            }
            builder.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public List<Permission> getPermissions(
            Class<? extends BaseModel> ownerClass, long ownerId,
            Class<? extends BaseModel> propertyClass, long propertyId) throws StorageException {
        StringBuilder query = new StringBuilder("SELECT * FROM "); // expect: dynamic
        query.append(Permission.getStorageName(ownerClass, propertyClass));
        var conditions = new LinkedList<Condition>();
        if (ownerId > 0) {
            conditions.add(new Condition.Equals(Permission.getKey(ownerClass), ownerId));
        }
        if (propertyId > 0) {
            conditions.add(new Condition.Equals(Permission.getKey(propertyClass), propertyId));
        }
        Condition combinedCondition = Condition.merge(conditions);
        query.append(formatCondition(combinedCondition));
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString());
            List<Object> values = getConditionVariables(combinedCondition);
            for (int index = 0; index < values.size(); index++) {
                builder.setValue(index, values.get(index));
            }
            return builder.executePermissionsQuery();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public void addPermission(Permission permission) throws StorageException {
        var entries = permission.get().entrySet().stream().toList();
        StringBuilder query = new StringBuilder("INSERT INTO "); // expect: dynamic
        query.append(permission.getStorageName());
        query.append(" VALUES (");
        query.append(entries.stream().map(e -> "?").collect(Collectors.joining(", ")));
        query.append(")");
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString(), true);
            for (int index = 0; index < entries.size(); index++) {
                builder.setLong(index, entries.get(index).getValue());
            }
            builder.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    @Override
    public void removePermission(Permission permission) throws StorageException {
        var entries = permission.get().entrySet().stream().toList();
        StringBuilder query = new StringBuilder("DELETE FROM "); // expect: dynamic
        query.append(permission.getStorageName());
        query.append(" WHERE ");
        query.append(entries.stream().map(e -> e.getKey() + " = ?").collect(Collectors.joining(" AND ")));
        try {
            QueryBuilder builder = QueryBuilder.create(config, dataSource, objectMapper, query.toString(), true);
            for (int index = 0; index < entries.size(); index++) {
                builder.setLong(index, entries.get(index).getValue());
            }
            builder.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private String getStorageName(Class<?> clazz) throws StorageException {
        StorageName storageName = clazz.getAnnotation(StorageName.class);
        if (storageName == null) {
            throw new StorageException("StorageName annotation is missing");
        }
        return storageName.value();
    }

    private List<Object> getConditionVariables(Condition genericCondition) {
        List<Object> results = new ArrayList<>();
        if (genericCondition instanceof Condition.Compare condition) {
            results.add(condition.getValue());
        } else if (genericCondition instanceof Condition.Between condition) {
            results.add(condition.getFromValue());
            results.add(condition.getToValue());
        } else if (genericCondition instanceof Condition.Binary condition) {
            results.addAll(getConditionVariables(condition.getFirst()));
            results.addAll(getConditionVariables(condition.getSecond()));
        } else if (genericCondition instanceof Condition.Contains condition) {
            String value = "%" + condition.getValue().toLowerCase() + "%";
            results.addAll(Collections.nCopies(condition.getColumns().size(), value));
        } else if (genericCondition instanceof Condition.Permission condition) {
            long conditionId = condition.getOwnerId() > 0 ? condition.getOwnerId() : condition.getPropertyId();
            results.add(conditionId);
            if (condition.getIncludeGroups()) {
                results.add(conditionId);
            }
        } else if (genericCondition instanceof Condition.LatestPositions condition) {
            if (condition.getDeviceId() > 0) {
                results.add(condition.getDeviceId());
            }
            long period = config.getLong(Keys.DATABASE_POSITION_PERIOD);
            if (period > 0) {
                results.add(new Date(System.currentTimeMillis() - period * 1000));
            }
        }
        return results;
    }

    private String formatColumns(List<String> columns, Function<String, String> mapper) {
        return columns.stream().map(mapper).collect(Collectors.joining(", "));
    }

    private String formatCondition(Condition genericCondition) throws StorageException {
        return formatCondition(genericCondition, true);
    }

    private String formatCondition(Condition genericCondition, boolean appendWhere) throws StorageException {
        StringBuilder result = new StringBuilder();
        if (genericCondition != null) {
            if (appendWhere) {
                result.append(" WHERE ");
            }
            if (genericCondition instanceof Condition.Compare condition) {

                result.append(condition.getColumn());
                result.append(" ");
                result.append(condition.getOperator());
                result.append(" ?");

            } else if (genericCondition instanceof Condition.Between condition) {

                result.append(condition.getColumn());
                result.append(" BETWEEN ? AND ?"); // expect: fragment

            } else if (genericCondition instanceof Condition.Binary condition) {

                if (genericCondition instanceof Condition.Or) {
                    result.append('(');
                }
                result.append(formatCondition(condition.getFirst(), false));
                result.append(" ");
                result.append(condition.getOperator());
                result.append(" ");
                result.append(formatCondition(condition.getSecond(), false));
                if (genericCondition instanceof Condition.Or) {
                    result.append(')');
                }

            } else if (genericCondition instanceof Condition.Permission condition) {

                result.append("id IN ("); // expect: fragment
                result.append(formatPermissionQuery(condition));
                result.append(")");

            } else if (genericCondition instanceof Condition.Contains condition) {

                result.append('(');
                result.append(condition.getColumns().stream()
                        .map(column -> "LOWER(" + column + ") LIKE ?") // expect: fragment
                        .collect(Collectors.joining(" OR ")));
                result.append(')');

            } else if (genericCondition instanceof Condition.LatestPositions condition) {

                result.append("id IN ("); // expect: fragment
                result.append("SELECT positionId FROM ");
                result.append(getStorageName(Device.class));
                if (condition.getDeviceId() > 0) {
                    result.append(" WHERE id = ?");
                }
                result.append(")");
                long period = config.getLong(Keys.DATABASE_POSITION_PERIOD);
                if (period > 0) {
                    result.append(" AND fixTime > ?");
                }

            }
        }
        return result.toString();
    }

    private String formatOrder(Order order) {
        StringBuilder result = new StringBuilder();
        if (order != null) {
            result.append(" ORDER BY "); // expect: fragment
            result.append(order.getColumn());
            if (order.getDescending()) {
                result.append(" DESC");
            }
            if (order.getLimit() > 0) {
                if (databaseType.equals("Microsoft SQL Server")) {
                    result.append(" OFFSET ");
                    result.append(order.getOffset());
                    result.append(" ROWS FETCH FIRST ");
                    result.append(order.getLimit());
                    result.append(" ROWS ONLY");
                } else {
                    result.append(" LIMIT ");
                    result.append(order.getLimit());
                    if (order.getOffset() > 0) {
                        result.append(" OFFSET ");
                        result.append(order.getOffset());
                    }
                }
            }
        }
        return result.toString();
    }

}
