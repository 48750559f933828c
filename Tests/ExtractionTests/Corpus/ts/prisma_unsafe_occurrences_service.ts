// Source: NestJS service apps/api/src/modules/occurrences/occurrences.service.ts of a multi-tenant
//   civic "occurrences" (citizen reports) API (the index gave no repository name; open it with
//   read_file id=53266349608). Excerpt: create, list, updateStatus kept as found.
// Classes: Prisma $queryRaw / $executeRaw tagged templates (`${x}` = bind, static, also inside
//   `NOW() + (${slaMinutes} * INTERVAL '1 minute')` and `${today}::date`), $queryRawUnsafe /
//   $executeRawUnsafe with plain templates (`WHERE ${whereClause}`, `LIMIT ${limit}`,
//   `SET ${updates.join(', ')}`: dynamic), conditions array seeded with '1=1' and pushed with
//   `$${paramIndex++}` markers (fragments), SET assignments collected in an array (fragments),
//   7-decoys (union types 'open' | 'assigned' …, redis keys `stats:${schemaName}:dashboard`,
//   Portuguese exception texts).
// Adaptations: findOne (one more static $queryRaw with json_agg … FILTER (WHERE …)), syncBatch,
//   the private helpers and assign() after updateStatus were left out;
//   `// expect-next:` comment lines were added before template literals whose opening line ends
//   inside the literal. No other line was changed.

import {
  Injectable,
  BadRequestException,
  NotFoundException,
  ForbiddenException,
} from '@nestjs/common';
import { v4 as uuidv4 } from 'uuid';
import { TenantPrismaService } from '../../shared/database/tenant-prisma.service';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';

export type Priority = 'critical' | 'high' | 'medium' | 'low';
export type OccurrenceStatus = 'open' | 'assigned' | 'in_progress' | 'resolved' | 'rejected' | 'duplicate';

export interface CreateOccurrenceDto {
  categoryId: number;
  description?: string;
  lat: number;
  lng: number;
  address?: string;
  regionCode?: string;
  clientId?: string;       // UUID gerado offline
}

export interface UpdateStatusDto {
  status: OccurrenceStatus;
  note?: string;
  assignedTo?: string;
  rejectionReason?: string;
  duplicateOf?: string;
}

export interface ListOccurrencesDto {
  status?: OccurrenceStatus;
  priority?: Priority;
  regionCode?: string;
  categoryId?: number;
  assignedTo?: string;
  page?: number;
  limit?: number;
  // BBox para mapa: minLat,minLng,maxLat,maxLng
  bbox?: [number, number, number, number];
}

// SLA em minutos por prioridade
const SLA_MINUTES: Record<Priority, number> = {
  critical: 30,
  high:     120,
  medium:   480,
  low:      1440,
};

@Injectable()
export class OccurrencesService {
  constructor(
    private readonly db: TenantPrismaService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async create(
    dto: CreateOccurrenceDto,
    userId: string,
    tenantId: string,
    schemaName: string,
  ) {
    const prisma = await this.db.forTenant(schemaName);

    // 1. Anti-spam: verificar limites do usuário
    await this.checkSpamLimits(userId, tenantId, schemaName, prisma);

    // 2. Deduplicação por client_id (offline sync)
    if (dto.clientId) {
      // expect-next: static
      const [existing] = await prisma.$queryRaw<any[]>`
        SELECT id, protocol FROM occurrences WHERE client_id = ${dto.clientId} LIMIT 1
      `;
      if (existing) return existing; // já sincronizado, retornar existente
    }

    // 3. Buscar categoria para calcular prioridade
    // expect-next: static
    const [category] = await prisma.$queryRaw<any[]>`
      SELECT id, default_priority, name FROM categories WHERE id = ${dto.categoryId} AND is_active = true LIMIT 1
    `;
    if (!category) throw new NotFoundException('Categoria não encontrada');

    // 4. Calcular prioridade automática
    const reporterStats = await this.getReporterStats(userId, prisma);
    const priority = this.calculatePriority(
      category.default_priority,
      reporterStats.confirmedReports,
    );

    // 5. Gerar protocolo
    const protocol = await this.generateProtocol(schemaName, prisma);

    // 6. Calcular deadline SLA
    const slaMinutes = SLA_MINUTES[priority];

    // 7. Inserir ocorrência
    // expect-next: static
    const [occurrence] = await prisma.$queryRaw<any[]>`
      INSERT INTO occurrences (
        id, protocol, category_id, description, lat, lng,
        address, region_code, priority, status,
        reporter_id, sla_deadline, client_id
      ) VALUES (
        ${uuidv4()},
        ${protocol},
        ${dto.categoryId},
        ${dto.description ?? null},
        ${dto.lat},
        ${dto.lng},
        ${dto.address ?? null},
        ${dto.regionCode ?? null},
        ${priority},
        'open',
        ${userId},
        NOW() + (${slaMinutes} * INTERVAL '1 minute'),
        ${dto.clientId ?? null}
      )
      RETURNING *
    `;

    // 8. Registrar timeline
    // expect-next: static
    await prisma.$executeRaw`
      INSERT INTO occurrence_timeline (id, occurrence_id, user_id, action, to_status)
      VALUES (${uuidv4()}, ${occurrence.id}, ${userId}, 'opened', 'open')
    `;

    // 9. Atualizar contador anti-spam
    await this.incrementSpamCounter(userId, prisma);

    // 10. Invalida cache de stats
    await this.redis.del(`stats:${schemaName}:dashboard`);

    return occurrence;
  }

  async list(dto: ListOccurrencesDto, schemaName: string) {
    const prisma = await this.db.forTenant(schemaName);
    const page = Math.max(1, dto.page ?? 1);
    const limit = Math.min(100, dto.limit ?? 20);
    const offset = (page - 1) * limit;

    // Build dinâmico de filtros
    const conditions: string[] = ['1=1']; // expect: fragment
    const params: any[] = [];
    let paramIndex = 1;

    if (dto.status) {
      conditions.push(`o.status = $${paramIndex++}`); // expect: fragment
      params.push(dto.status);
    }
    if (dto.priority) {
      conditions.push(`o.priority = $${paramIndex++}`); // expect: fragment
      params.push(dto.priority);
    }
    if (dto.regionCode) {
      conditions.push(`o.region_code = $${paramIndex++}`); // expect: fragment
      params.push(dto.regionCode);
    }
    if (dto.categoryId) {
      conditions.push(`o.category_id = $${paramIndex++}`); // expect: fragment
      params.push(dto.categoryId);
    }
    if (dto.assignedTo) {
      conditions.push(`o.assigned_to = $${paramIndex++}`); // expect: fragment
      params.push(dto.assignedTo);
    }
    if (dto.bbox) {
      const [minLat, minLng, maxLat, maxLng] = dto.bbox;
      conditions.push(
        `o.lat BETWEEN $${paramIndex++} AND $${paramIndex++}`, // expect: fragment
        `o.lng BETWEEN $${paramIndex++} AND $${paramIndex++}`, // expect: fragment
      );
      params.push(minLat, maxLat, minLng, maxLng);
    }

    const whereClause = conditions.join(' AND ');
    // expect-next: dynamic
    const query = `
      SELECT
        o.*,
        c.name AS category_name,
        c.icon AS category_icon,
        c.color AS category_color,
        u.name AS reporter_name,
        a.name AS agent_name,
        (SELECT COUNT(*) FROM occurrence_media m WHERE m.occurrence_id = o.id) AS media_count
      FROM occurrences o
      JOIN categories c ON c.id = o.category_id
      JOIN users u ON u.id = o.reporter_id
      LEFT JOIN users a ON a.id = o.assigned_to
      WHERE ${whereClause}
      ORDER BY
        CASE o.priority
          WHEN 'critical' THEN 1
          WHEN 'high'     THEN 2
          WHEN 'medium'   THEN 3
          ELSE 4
        END,
        o.created_at DESC
      LIMIT ${limit} OFFSET ${offset}
    `;

    const occurrences = await prisma.$queryRawUnsafe(query, ...params);

    // Count para paginação
    const [{ count }] = await prisma.$queryRawUnsafe<any[]>(
      `SELECT COUNT(*) as count FROM occurrences o WHERE ${whereClause}`, // expect: dynamic
      ...params,
    );

    return {
      data: occurrences,
      meta: {
        total: parseInt(count),
        page,
        limit,
        totalPages: Math.ceil(parseInt(count) / limit),
      },
    };
  }

  async updateStatus(
    id: string,
    dto: UpdateStatusDto,
    userId: string,
    userRole: string,
    schemaName: string,
  ) {
    const prisma = await this.db.forTenant(schemaName);

    // expect-next: static
    const [occurrence] = await prisma.$queryRaw<any[]>`
      SELECT id, status, priority FROM occurrences WHERE id = ${id} LIMIT 1
    `;
    if (!occurrence) throw new NotFoundException('Ocorrência não encontrada');

    // Validar transição de status
    this.validateStatusTransition(occurrence.status, dto.status, userRole);

    const updates: string[] = [
      `status = '${dto.status}'`, // expect: fragment
      `updated_at = NOW()`, // expect: fragment
    ];

    if (dto.status === 'resolved') {
      updates.push(`resolved_at = NOW()`, `resolved_by = '${userId}'`); // expect: fragment
      if (dto.note) updates.push(`resolution_note = '${dto.note.replace(/'/g, "''")}'`); // expect: fragment
    }
    if (dto.status === 'rejected' && dto.rejectionReason) {
      updates.push(`rejection_reason = '${dto.rejectionReason.replace(/'/g, "''")}'`); // expect: fragment
    }
    if (dto.status === 'assigned' && dto.assignedTo) {
      updates.push(
        `assigned_to = '${dto.assignedTo}'`, // expect: fragment
        `assigned_at = NOW()`, // expect: fragment
      );
    }
    if (dto.status === 'duplicate' && dto.duplicateOf) {
      updates.push(`duplicate_of = '${dto.duplicateOf}'`); // expect: fragment
    }

    // expect-next: dynamic
    await prisma.$executeRawUnsafe(`
      UPDATE occurrences SET ${updates.join(', ')} WHERE id = '${id}'
    `);

    // Timeline
    // expect-next: static
    await prisma.$executeRaw`
      INSERT INTO occurrence_timeline (id, occurrence_id, user_id, action, from_status, to_status, note)
      VALUES (
        ${uuidv4()},
        ${id},
        ${userId},
        'status_changed',
        ${occurrence.status},
        ${dto.status},
        ${dto.note ?? null}
      )
    `;

    // Atualizar stats diárias
    await this.redis.del(`stats:${schemaName}:dashboard`);

    return this.findOne(id, schemaName);
  }
}
