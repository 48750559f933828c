// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 31327200670: com.khanhduy14.todolist.task.repository.impl.TaskRepositoryImpl
//       (Spring + jOOQ todo-list service, PostgreSQL string_agg).
//   (b) id 71592412033: com.erp.platform.tx.CompanyScopedTransactionManagerIntegrationTest
//       (ERP platform, jOOQ + Spring transactions, PostgreSQL session settings).
// Classes: jOOQ plain-SQL select expressions DSL.field("COALESCE(string_agg(…), '')",
// String.class).as("labels") and DSL.field("coalesce(current_setting('app.x', true), '')")
// (fragments); dsl.execute("CREATE TEMP TABLE …") inside a lambda in a test (static); typesafe
// jOOQ DSL with generated tables (no SQL text: insertInto/update/set/where/returning);
// decoys: r.get("labels", String.class), s.split(","), "req-12345678" request ids, SQLSTATE
// "25006", `TASK.ID.eq(…)` conditions.
// Adaptations: two files concatenated (package lines turned into comments, the second class
// was already package-private, imports merged and sorted by source). Code otherwise verbatim.

// package com.khanhduy14.todolist.task.repository.impl;
// package com.erp.platform.tx;

import com.khanhduy14.todolist.libs.jooq.generated.tables.records.TaskRecord;
import com.khanhduy14.todolist.task.constant.TaskStatus;
import com.khanhduy14.todolist.task.entity.Task;
import com.khanhduy14.todolist.task.repository.TaskRepository;
import com.khanhduy14.todolist.utils.DateTimeUtils;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import static com.khanhduy14.todolist.libs.jooq.generated.tables.Task.TASK;
import static com.khanhduy14.todolist.libs.jooq.generated.tables.TaskLabel.TASK_LABEL;

import static com.khanhduy14.todolist.libs.jooq.generated.tables.Label.LABEL;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.erp.platform.context.CurrentContext;
import com.erp.platform.context.RequestContext;
import com.erp.platform.security.ActorType;
import com.erp.platform.security.AuthenticatedActor;
import com.erp.support.IntegrationTest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

// ---- (a) id 31327200670
@Repository
public class TaskRepositoryImpl  implements TaskRepository {

    private final DSLContext dsl;


    public TaskRepositoryImpl(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Task> findAll() {
        return dsl.select(
                        TASK.ID,
                        TASK.TITLE,
                        TASK.DESCRIPTION,
                        TASK.STATUS,
                        TASK.CREATED_AT,
                        TASK.UPDATED_AT,
                        DSL.field("COALESCE(string_agg(label.name, ','), '')", String.class).as("labels") // expect: fragment
                )
                .from(TASK)
                .leftJoin(TASK_LABEL).on(TASK.ID.eq(TASK_LABEL.TASK_ID))
                .leftJoin(LABEL).on(TASK_LABEL.LABEL_ID.eq(LABEL.ID))
                .groupBy(TASK.ID)
                .fetch(r -> {
                    Task t = map(r.into(TASK));
                    t.setLabels(Optional.ofNullable(r.get("labels", String.class))
                            .filter(s -> !s.isEmpty())
                            .map(s -> Arrays.asList(s.split(",")))
                            .orElse(List.of()));
                    return t;
                });
    }

    @Override
    public Task save(Task task) {
        return dsl.insertInto(TASK)
                .set(TASK.TITLE, task.getTitle())
                .set(TASK.DESCRIPTION, task.getDescription())
                .set(TASK.STATUS, task.getStatus().getCode())
                .set(TASK.CREATED_AT, DateTimeUtils.now())
                .set(TASK.UPDATED_AT, DateTimeUtils.now())
                .returning(TASK.ID, TASK.TITLE, TASK.DESCRIPTION, TASK.STATUS, TASK.CREATED_AT, TASK.UPDATED_AT)
                .fetchOne(this::map);
    }
    @Override
    public Task update(Task task) {
        return dsl.update(TASK)
                .set(TASK.TITLE, task.getTitle())
                .set(TASK.DESCRIPTION, task.getDescription())
                .set(TASK.STATUS, task.getStatus().getCode())
                .set(TASK.UPDATED_AT, DateTimeUtils.now())
                .where(TASK.ID.eq(task.getId()))
                .returning(TASK.ID, TASK.TITLE, TASK.DESCRIPTION, TASK.STATUS, TASK.CREATED_AT, TASK.UPDATED_AT)
                .fetchOne(this::map);
    }
    @Override
    public Optional<Task> findById(Integer id) {
        Task t = dsl.select(
                        TASK.ID,
                        TASK.TITLE,
                        TASK.STATUS,
                        TASK.CREATED_AT,
                        TASK.UPDATED_AT,
                        TASK.DESCRIPTION,
                        DSL.field("COALESCE(string_agg(label.name, ','), '')", String.class).as("labels") // expect: fragment
                )
                .from(TASK)
                .leftJoin(TASK_LABEL).on(TASK.ID.eq(TASK_LABEL.TASK_ID))
                .leftJoin(LABEL).on(TASK_LABEL.LABEL_ID.eq(LABEL.ID))
                .where(TASK.ID.eq(id))
                .groupBy(TASK.ID)
                .fetchOne(r -> {
                    Task task = map(r.into(TASK));
                    task.setLabels(Optional.ofNullable(r.get("labels", String.class))
                            .filter(s -> !s.isEmpty())
                            .map(s -> Arrays.asList(s.split(",")))
                            .orElse(List.of()));
                    return task;
                });

        return Optional.ofNullable(t);
    }
    @Override
    public void deleteById(Integer id) {
        dsl.deleteFrom(TASK).where(TASK.ID.eq(id)).execute();
    }
    private Task map(TaskRecord r) {
        if (r == null) return null;
        return Task.builder()
                .id(r.get(TASK.ID))
                .title(r.get(TASK.TITLE))
                .description(r.get(TASK.DESCRIPTION))
                .status(TaskStatus.fromCode(r.get(TASK.STATUS)))
                .createdAt(DateTimeUtils.toInstant(r.get(TASK.CREATED_AT)))
                .updatedAt(DateTimeUtils.toInstant(r.get(TASK.UPDATED_AT)))
                .build();
    }

}

// ---- (b) id 71592412033
class CompanyScopedTransactionManagerIntegrationTest extends IntegrationTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void isTheApplicationTransactionManager() {
        assertThat(transactionManager).isInstanceOf(CompanyScopedTransactionManager.class);
    }

    @Test
    void bindsRequestContextToTheTransaction() {
        UUID company = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        RequestContext context = RequestContext.forRequest("req-12345678")
                .withActor(new AuthenticatedActor(
                        user, ActorType.USER, UUID.randomUUID(), false, Instant.now(), null, null, null, false, null))
                .withCompany(company);

        Record2<String, String> settings = CurrentContext.callWith(
                context, () -> new TransactionTemplate(transactionManager).execute(status -> readSettings()));

        assertThat(settings.value1()).isEqualTo(company.toString());
        assertThat(settings.value2()).isEqualTo(user.toString());
    }

    @Test
    void settingsAreTransactionLocalAndNeverLeakToTheNextTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        for (int i = 0; i < 20; i++) {
            CurrentContext.runWith(
                    RequestContext.forRequest("req-12345678").withCompany(UUID.randomUUID()),
                    () -> tx.executeWithoutResult(status -> readSettings()));

            Record2<String, String> withoutContext = tx.execute(status -> readSettings());

            assertThat(withoutContext.value1()).isEmpty();
            assertThat(withoutContext.value2()).isEmpty();
        }
    }

    @Test
    void readOnlyTransactionsRejectWrites() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> dsl.execute("CREATE TEMP TABLE t (id int)"))) // expect: static
                .rootCause()
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("25006");
    }

    private Record2<String, String> readSettings() {
        return dsl.select(
                        DSL.field("coalesce(current_setting('app.company_id', true), '')", String.class), // expect: fragment
                        DSL.field("coalesce(current_setting('app.user_id', true), '')", String.class)) // expect: fragment
                .fetchOne();
    }
}
