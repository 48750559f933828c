// Source: calcom/cal.com, packages/lib/server/repository/PrismaPhoneNumberRepository.ts
// (read_file id 13058542704, commit 0bf74c8191bc528438bf2bf580b76477404e7177), AGPL-3.0.
// Classes: Prisma `Prisma.sql` templates kept in a variable then run with prisma.$queryRaw(query),
// $queryRaw tagged templates (holes are binds: static), IN (${Prisma.join(ids)}) (a list of binds),
// WHERE conditions built per branch as Prisma.sql pieces (fragments, one spanning three lines),
// a SELECT that splices such a piece through `WHERE ${whereCondition}` (dynamic), quoted
// camelCase identifiers, CASE … END; decoys: Prisma findMany/findFirstOrThrow selects, enum
// values, agentType texts ("inbound", "outbound"), row interfaces.
// Adaptations: the file as found is about 480 lines (14,297 characters); it was cut to two parts: lines 1-140 (imports,
// row types, class head, getUserAccessibleTeamIds, findByPhoneNumberAndUserId,
// findPhoneNumbersFromUserId) and the complete method findManyWithUserAccess, followed by the
// class's closing brace. Left out: createPhoneNumber, deletePhoneNumber, findByStripeSubscriptionId,
// findByIdAndUserId, findByIdWithTeamAccess, findByPhoneNumberAndTeamId (between the two parts),
// updateSubscriptionStatus, updateAgents, findByPhoneNumber (after): Prisma client calls only, no
// SQL text. One blank line before the second `const query = Prisma.sql` was replaced by the label
// comment line; the other labels for templates that open at the end of a line are appended to the
// line before.
import { prisma } from "@calcom/prisma";
import { Prisma } from "@calcom/prisma/client";
import { PhoneNumberSubscriptionStatus } from "@calcom/prisma/enums";

interface _PhoneNumberRawResult {
  id: number;
  phoneNumber: string;
  provider: string | null;
  userId: number | null;
  teamId: number | null;
  subscriptionStatus: string | null;
  createdAt: Date;
  updatedAt: Date;
  inboundAgentId: string | null;
  outboundAgentId: string | null;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
}

export interface AgentRawResult {
  id: string;
  name: string;
  providerAgentId: string;
}

export class PrismaPhoneNumberRepository {
  private static async getUserAccessibleTeamIds(userId: number): Promise<number[]> {
    const memberships = await prisma.membership.findMany({
      where: {
        userId,
        accepted: true,
      },
      select: {
        teamId: true,
      },
    });

    return memberships.map((membership) => membership.teamId);
  }

  static async findByPhoneNumberAndUserId({ phoneNumber, userId }: { phoneNumber: string; userId: number }) {
    return await prisma.calAiPhoneNumber.findFirstOrThrow({
      where: {
        phoneNumber,
        userId,
      },
      select: {
        id: true,
        phoneNumber: true,
        userId: true,
        teamId: true,
        subscriptionStatus: true,
        stripeSubscriptionId: true,
        stripeCustomerId: true,
        provider: true,
        inboundAgentId: true,
        outboundAgentId: true,
        createdAt: true,
        updatedAt: true,
      },
    });
  }

  static async findPhoneNumbersFromUserId({ userId }: { userId: number }) { // expect-next: static
    const query = Prisma.sql`
      SELECT
        pn.id,
        pn."phoneNumber",
        pn.provider,
        pn."userId",
        pn."teamId",
        pn."subscriptionStatus",
        pn."createdAt",
        pn."updatedAt",
        pn."inboundAgentId",
        pn."outboundAgentId",
        pn."stripeCustomerId",
        pn."stripeSubscriptionId"
      FROM "CalAiPhoneNumber" pn
      WHERE pn."userId" = ${userId}
        AND (pn."subscriptionStatus" = ${PhoneNumberSubscriptionStatus.ACTIVE} OR pn."subscriptionStatus" IS NULL)
    `;

    const phoneNumbers = await prisma.$queryRaw<_PhoneNumberRawResult[]>(query);

    const phoneNumberIds = phoneNumbers.map((pn) => pn.id);
    const agents =
      phoneNumberIds.length > 0 // expect-next: static
        ? await prisma.$queryRaw<(AgentRawResult & { phoneNumberId: number; agentType: string })[]>`
        SELECT
          a.id,
          a.name,
          a."providerAgentId",
          pn.id as "phoneNumberId",
          CASE
            WHEN pn."inboundAgentId" = a.id THEN 'inbound'
            WHEN pn."outboundAgentId" = a.id THEN 'outbound'
          END as "agentType"
        FROM "Agent" a
        INNER JOIN "CalAiPhoneNumber" pn ON (pn."inboundAgentId" = a.id OR pn."outboundAgentId" = a.id)
        WHERE pn.id IN (${Prisma.join(phoneNumberIds)})
      `
        : [];

    const agentsByPhoneNumber = agents.reduce((acc, agent) => {
      const phoneNumberId = agent.phoneNumberId;
      if (!acc[phoneNumberId]) {
        acc[phoneNumberId] = { inbound: null, outbound: null };
      }

      const agentData = {
        id: agent.id,
        name: agent.name,
        providerAgentId: agent.providerAgentId,
      };

      if (agent.agentType === "inbound") {
        acc[phoneNumberId].inbound = agentData;
      } else if (agent.agentType === "outbound") {
        acc[phoneNumberId].outbound = agentData;
      }

      return acc;
    }, {} as Record<number, { inbound: AgentRawResult | null; outbound: AgentRawResult | null }>);

    return phoneNumbers.map((pn) => ({
      id: pn.id,
      phoneNumber: pn.phoneNumber,
      provider: pn.provider,
      userId: pn.userId,
      teamId: pn.teamId,
      subscriptionStatus: pn.subscriptionStatus,
      createdAt: pn.createdAt,
      updatedAt: pn.updatedAt,
      stripeCustomerId: pn.stripeCustomerId,
      stripeSubscriptionId: pn.stripeSubscriptionId,
      inboundAgent: agentsByPhoneNumber[pn.id]?.inbound || null,
      outboundAgent: agentsByPhoneNumber[pn.id]?.outbound || null,
    }));
  }

  static async findManyWithUserAccess({
    userId,
    teamId,
    scope = "all",
  }: {
    userId: number;
    teamId?: number;
    scope?: "personal" | "team" | "all";
  }) {
    let whereCondition: Prisma.Sql;

    if (scope === "personal") {
      whereCondition = Prisma.sql`pn."userId" = ${userId}`; // expect: fragment
    } else if (scope === "team") {
      const accessibleTeamIds = await this.getUserAccessibleTeamIds(userId);

      if (accessibleTeamIds.length === 0) {
        return [];
      }

      if (teamId) {
        if (!accessibleTeamIds.includes(teamId)) {
          return [];
        }
        whereCondition = Prisma.sql`pn."teamId" = ${teamId}`; // expect: fragment
      } else {
        whereCondition = Prisma.sql`pn."teamId" IN (${Prisma.join(accessibleTeamIds)})`; // expect: fragment
      }
    } else {
      const accessibleTeamIds = await this.getUserAccessibleTeamIds(userId);

      if (teamId) {
        if (accessibleTeamIds.includes(teamId)) {
          whereCondition = Prisma.sql`(pn."userId" = ${userId} OR pn."teamId" = ${teamId})`; // expect: fragment
        } else {
          whereCondition = Prisma.sql`pn."userId" = ${userId}`; // expect: fragment
        }
      } else if (accessibleTeamIds.length > 0) { // expect-next: fragment
        whereCondition = Prisma.sql`(pn."userId" = ${userId} OR pn."teamId" IN (${Prisma.join(
          accessibleTeamIds
        )}))`;
      } else {
        whereCondition = Prisma.sql`pn."userId" = ${userId}`; // expect: fragment
      }
    }
    // expect-next: dynamic
    const query = Prisma.sql`
      SELECT
        pn.id,
        pn."phoneNumber",
        pn.provider,
        pn."userId",
        pn."teamId",
        pn."subscriptionStatus",
        pn."createdAt",
        pn."updatedAt",
        pn."inboundAgentId",
        pn."outboundAgentId",
        pn."stripeCustomerId",
        pn."stripeSubscriptionId"
      FROM "CalAiPhoneNumber" pn
      WHERE ${whereCondition}
      ORDER BY pn."createdAt" DESC
    `;

    const phoneNumbers = await prisma.$queryRaw<_PhoneNumberRawResult[]>(query);

    const phoneNumberIds = phoneNumbers.map((pn) => pn.id);
    const agents =
      phoneNumberIds.length > 0 // expect-next: static
        ? await prisma.$queryRaw<(AgentRawResult & { phoneNumberId: number; agentType: string })[]>`
        SELECT
          a.id,
          a.name,
          a."providerAgentId",
          pn.id as "phoneNumberId",
          CASE
            WHEN pn."inboundAgentId" = a.id THEN 'inbound'
            WHEN pn."outboundAgentId" = a.id THEN 'outbound'
          END as "agentType"
        FROM "Agent" a
        INNER JOIN "CalAiPhoneNumber" pn ON (pn."inboundAgentId" = a.id OR pn."outboundAgentId" = a.id)
        WHERE pn.id IN (${Prisma.join(phoneNumberIds)})
      `
        : [];

    const agentsByPhoneNumber = agents.reduce((acc, agent) => {
      const phoneNumberId = agent.phoneNumberId;
      if (!acc[phoneNumberId]) {
        acc[phoneNumberId] = { inbound: null, outbound: null };
      }

      const agentData = {
        id: agent.id,
        name: agent.name,
        providerAgentId: agent.providerAgentId,
      };

      if (agent.agentType === "inbound") {
        acc[phoneNumberId].inbound = agentData;
      } else if (agent.agentType === "outbound") {
        acc[phoneNumberId].outbound = agentData;
      }

      return acc;
    }, {} as Record<number, { inbound: AgentRawResult | null; outbound: AgentRawResult | null }>);

    return phoneNumbers.map((pn) => ({
      id: pn.id,
      phoneNumber: pn.phoneNumber,
      provider: pn.provider,
      userId: pn.userId,
      teamId: pn.teamId,
      subscriptionStatus: pn.subscriptionStatus,
      createdAt: pn.createdAt,
      updatedAt: pn.updatedAt,
      stripeCustomerId: pn.stripeCustomerId,
      stripeSubscriptionId: pn.stripeSubscriptionId,
      inboundAgent: agentsByPhoneNumber[pn.id]?.inbound || null,
      outboundAgent: agentsByPhoneNumber[pn.id]?.outbound || null,
    }));
  }
}
