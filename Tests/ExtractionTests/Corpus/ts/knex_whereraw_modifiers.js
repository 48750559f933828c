// Sources: two Knex-based files found with find_string ".whereRaw(`" (repository names not
// returned):
//   (a) an AdonisJS (Lucid, Knex underneath) LogEventoController   (index id 19090147671), complete
//   (b) an Objection.js User model with query modifiers            (index id 34501248801), complete
// Verbatim; concatenated into one file (each keeps its own require/module.exports lines).
// Classes: fragments (orderByRaw with a direction, whereRaw conditions built with ${} — the
//          values of the request are spliced in, still fragments —, a whereRaw whose template
//          nests another template `or … like '%${doc}%'` (one label), BETWEEN … AT TIME ZONE
//          conditions, multi-line whereRaw templates opening on the call line — labelled with
//          expect-next on the line before — holding NOT IN (SELECT …) subqueries), decoys
//          (request.only([...]) key lists, sortOrder = 'ASC' default, 'Empresa não informada',
//          where('id', 'LIKE', `%${search}%`) values, select('id', 'first_name', …) column
//          lists, relation join maps 'users.group_id' / 'groups.id', a regexp with quotes
//          /[^0-9]/g inside the controller).

// ---------------------------------------------------------------- (a) id 19090147671
'use strict'

const LogEvento = use('App/Models/Common/LogEvento');
const Cliente = use('App/Models/Common/Cliente');

const Env = use('Env')
const Database = use('Database')
const axios = require('axios');

const RoleAndPermission = use('App/Utils/RoleAndPermission');

class LogEventoController {

  async index({ request, response, auth }) {
    const user = await auth.getUser();

    let header = request.headers()
    let empresa_id = header.empresa_id

    if (!empresa_id || isNaN(empresa_id) || parseInt(empresa_id) <= 0) {
      const { emp_id } = request.only(['emp_id'])
      empresa_id = emp_id
    }

    if (!empresa_id || isNaN(empresa_id) || parseInt(empresa_id) <= 0) {
      response.status(400).send('Empresa não informada')
    }

    const { id, cliente_id, contract_id } = request.only(['id', 'cliente_id', 'contract_id']);

    var { data_inicio_evento, data_fim_evento } = request.only(['data_inicio_evento', 'data_fim_evento']);
    var { data_inicio_execucao, data_fim_execucao } = request.only(['data_inicio_execucao', 'data_fim_execucao']);

    const { cliente, pesquisarTelefoneCliente } = request.only(['cliente', 'pesquisarTelefoneCliente']);

    const { page,
      limit,
      sortField = 'id',
      sortOrder = 'ASC',
    } = request.only(['page',
      'limit',
      'sortField',
      'sortOrder'
    ])

    const query = LogEvento.query()
      .with('user')
      .with('logsIntegracao')
      .orderByRaw('created_at desc, id desc') // expect: fragment

    if (id) {
      query.where({ id })
    }

    if (cliente_id) {
      query.where({ cliente_id })
    } else {
      if (cliente) {
        if ((pesquisarTelefoneCliente && pesquisarTelefoneCliente === 'true')) {
          var tel = cliente.replace(/[^0-9]/g, '');
          query.whereRaw(`NULLIF(regexp_replace(common.log_evento.phone, '[^\\.\\d]','','g'), '') like '%${tel}%'`) // expect: fragment
        } else {
          var doc = cliente.replace(/[^0-9]/g, '');
          query.whereRaw(`common.log_evento.name ilike '%${cliente}%' ${doc ? `or common.log_evento.tx_id like '%${doc}%'` : ''} `) // expect: fragment
        }
      }
    }

    if (data_inicio_evento && data_fim_evento) {
      query.whereRaw(`date(event_data AT TIME ZONE 'BRA') BETWEEN date('${data_inicio_evento}' AT TIME ZONE 'BRA') AND date('${data_fim_evento}' AT TIME ZONE 'BRA')`); // expect: fragment
    } else {
      if (data_inicio_evento) {
        query.whereRaw(`date(event_data AT TIME ZONE 'BRA') >= date('${data_inicio_evento}')`) // expect: fragment
      }
      if (data_fim_evento) {
        query.whereRaw(`date(event_data AT TIME ZONE 'BRA') <= date('${data_fim_evento}')`) // expect: fragment
      }
    }

    if (data_inicio_execucao && data_fim_execucao) {
      query.whereRaw(`date(created_at AT TIME ZONE 'BRA') BETWEEN date('${data_inicio_execucao}' AT TIME ZONE 'BRA') AND date('${data_fim_execucao}' AT TIME ZONE 'BRA')`); // expect: fragment
    } else {
      if (data_inicio_execucao) {
        query.whereRaw(`date(created_at AT TIME ZONE 'BRA') >= date('${data_inicio_execucao}')`) // expect: fragment
      }
      if (data_fim_execucao) {
        query.whereRaw(`date(created_at AT TIME ZONE 'BRA') <= date('${data_fim_execucao}')`) // expect: fragment
      }
    }

    if (contract_id) {
      query.where({ contract_id })
    }

    const result = await query.paginate(page ? page : 1, limit ? limit : 10)
    return result
  }

}

module.exports = LogEventoController

// ---------------------------------------------------------------- (b) id 34501248801
const Model = require('../../config/knex.config');
const Password = require('objection-password')();
const {Group} = require('../models/Group');

class User extends Model {
    static get tableName() {
        return 'users';
    }

    static get hidden() {
        return ['password'];
    }

    static modifiers = {
        selectOnlyForContact(builder) {
            builder.select('id', 'first_name', 'last_name', 'access', 'image');
        },
        search(builder, search) {
            builder.where('id', 'LIKE', `%${search}%`)
                .orWhere('first_name', 'LIKE', `%${search}%`)
                .orWhere('last_name', 'LIKE', `%${search}%`)
                .orWhere('login', 'LIKE', `%${search}%`)
                .orWhere('email', 'LIKE', `%${search}%`);
        },
        blocked (builder) { // expect-next: fragment
            builder.whereRaw(`
                id IN (SELECT id FROM lock_statuses WHERE unblock = null)
            `)
        },
        notBlocked (builder) { // expect-next: fragment
            builder.whereRaw(`
                id NOT IN (SELECT id FROM lock_statuses WHERE unblock = null)
            `)
        }
    }

    static relationMappings = {
        group: {
            filter: query => query.select('id', 'title'),
            relation: Model.HasOneRelation,
            modelClass: Group,
            join: {
                from: 'users.group_id',
                to: 'groups.id',
            },
        },
    }
}

module.exports = {User, UserPassword: Password(User)};
