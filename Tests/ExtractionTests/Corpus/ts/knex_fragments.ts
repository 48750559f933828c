// Sources: excerpts of seven Knex/Objection/Adonis code files found with find_string (the index
// did not return their repository names; the one with "view-active-organization-learners" is
// from the Pix platform, 1024pix/pix, by its table names):
//   findAccountByEmail                         (index id 56399972653)
//   documents service with pgvector distance   (index id 20191642453)
//   reviewer dashboard counts (SQL Server)     (index id 62167285828)
//   Adonis import service resolveDepartmentId  (index id 53086320118)
//   Pix participants query                     (index id 127756468)
//   daily-diet meals route                     (index id 45660517993)
//   trips list with sort clause                (index id 30041494723)
// Adapted: the snippets are wrapped in functions of one module; expressions are verbatim.
// Classes: fragments (whereRaw / orWhereRaw / orderByRaw / knex.raw / db.raw pieces, with ?
//          bindings, quoted identifiers, pgvector "<=>", JSON "@>" and "->", T-SQL DATEADD;
//          some built with ${...} template holes — still fragments), decoys (column lists and
//          aliases passed to select(), '* as count', zod enums ['asc', 'desc'], cookie names,
//          table names passed to db('...'), the "distance" column passed to orderBy()).

export async function findAccountByEmail(email: string): Promise<Account | undefined> {
  return db<Account>('accounts').whereRaw('lower(email) = ?', [email.trim().toLowerCase()]).first(); // expect: fragment
}

export function documentsQuery(db, param) {
  return db('documents')
    .select('*')
    .modify(function (queryBuilder) {
      param.embedding &&
        queryBuilder
          .select(
            db.raw( // expect-next: fragment
              `(embedding <=> '${JSON.stringify(
                param.embedding
              )}') AS distance`
            )
          )
          .orderBy('distance', 'asc')
    })
    .modify(function (queryBuilder) {
      if (param.metadata) {
        const metadata =
          typeof param.metadata == 'object'
            ? JSON.stringify(param.metadata)
            : param.metadata
        queryBuilder.whereRaw('metadata @> ?', [metadata]) // expect: fragment
      }
    })
    .modify(function (queryBuilder) {
      queryBuilder.whereRaw("metadata->'intent' IS NULL") // expect: fragment
    })
    .limit(param.$limit)
}

export async function reviewerCounts(db, reviewerId: number) {
  const overdue = await db('Applications').whereIn('Status', ['Submitted', 'AutoMatched', 'DocAuditInProgress'])
    .where((query) => query.whereNull('AssignedDocReviewer').orWhere('AssignedDocReviewer', reviewerId))
    .whereRaw('COALESCE(StageEnteredAt, SubmissionDate, CreatedAt) < DATEADD(hour, -48, SYSUTCDATETIME())') // expect: fragment
    .count('* as count').first();
  return { overdue: Number(overdue?.count ?? 0) };
}

export async function resolveDepartmentId(unitCode: string, unitName: string): Promise<number | null> {
  if (unitCode) {
    const byCode = await Department.query().whereRaw('LOWER(code) = ?', [unitCode.toLowerCase()]).first() // expect: fragment
    if (byCode) return byCode.id
  }
  if (unitName) {
    const byName = await Department.query().whereRaw('LOWER(name) = ?', [unitName.toLowerCase()]).first() // expect: fragment
    if (byName) return byName.id
  }
  return null
}

export function participantsColumns(knex) {
  return knex
    .select([
      'view-active-organization-learners.id',
      'view-active-organization-learners.lastName',
      'view-active-organization-learners.firstName',
      knex.raw('LOWER("view-active-organization-learners"."firstName") AS "lowerFirstName"'), // expect: fragment
      knex.raw('LOWER("view-active-organization-learners"."lastName") AS "lowerLastName"'), // expect: fragment
      'view-active-organization-learners.birthdate',

      knex('campaign-participations')
        .join('campaigns', 'campaigns.id', 'campaignId')
        .select('isCertifiable')
        .whereRaw('"organizationLearnerId" = "view-active-organization-learners"."id"') // expect: fragment
        .and.where('status', CampaignParticipationStatuses.SHARED)
        .and.whereNull('campaign-participations.deletedAt')
        .orderBy('sharedAt', 'desc')
        .limit(1)
        .as('isCertifiable'),
    ]);
}

export async function listMeals(knex, req) {
  const userSessionId = req.cookies['daily-diet.user_session_id'] as string;
  const querySchema = zod.object({
    order: zod.enum(['asc', 'desc']).optional(),
    sort_by: zod.enum(['name', 'description', 'date']).optional()
  });
  const { order, description, name, sort_by } = querySchema.parse(req.query);

  const meals = await knex('meals').where('user_session_id', userSessionId).modify(queryBuilder => {
    if(name) {
      queryBuilder.whereRaw('LOWER(name) LIKE ?', [`%${name.toLowerCase()}%`]); // expect: fragment
    }
    if(description) {
      queryBuilder.whereRaw('LOWER(description) LIKE ?', [`%${description.toLowerCase()}%`]); // expect: fragment
    }
    queryBuilder.orderBy(sort_by ?? 'name' , order ?? 'asc');
  });
  return { meals };
}

export async function listTrips(db, userId, { sortBy, sortOrder, search, status }) {
  // ---- Build sort clause ----
  let orderByClause;
  if (sortBy === 'name') {
    // Case-insensitive alphabetical sort
    orderByClause = { column: db.raw('LOWER(name)'), order: sortOrder }; // expect: fragment
  } else if (sortBy === 'start_date') {
    // NULLS LAST in both asc and desc directions
    orderByClause = db.raw(`start_date ${sortOrder === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`); // expect: fragment
  } else {
    orderByClause = { column: 'created_at', order: sortOrder };
  }

  function applyBaseFilters(query) {
    query.where({ user_id: userId });

    if (search && search.trim()) {
      const searchTerm = `%${search.trim()}%`;
      query.where(function () {
        this.whereRaw('name ILIKE ?', [searchTerm]) // expect: fragment
          .orWhereRaw("array_to_string(destinations, ',') ILIKE ?", [searchTerm]); // expect: fragment
      });
    }
    return query;
  }

  let query = db('trips').select(TRIP_COLUMNS);
  applyBaseFilters(query);
  if (sortBy === 'start_date') {
    query.orderByRaw(`start_date ${sortOrder === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`); // expect: fragment
  } else if (sortBy === 'name') {
    query.orderByRaw(`LOWER(name) ${sortOrder === 'asc' ? 'ASC' : 'DESC'}`); // expect: fragment
  } else {
    query.orderBy(sortBy, sortOrder);
  }
  return query;
}
