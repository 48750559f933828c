// Source: three NestJS/TypeORM services found with find_string '.andWhere("' (index ids
// 71627047394, 51907628489, 61192663619); repository names not returned. Excerpts verbatim:
// findAllPaginated() of a conversations service, getStats() and getPromotions() of a public
// catalogue service, findByUser() of an orders service; concatenated into one class each.
// Adaptation: resumeAgent() and startHumanHandoff() (decoy context) are shortened — lines
// without strings removed, the return object kept —, getLoyaltyTiers() keeps one tier of four;
// no SQL-bearing line was changed.
// Classes: fragments (TypeORM createQueryBuilder().where/andWhere/orWhere conditions with :name
//          parameters, ILIKE, IS NULL, tuple comparison built with ${} — still a fragment —,
//          select("COUNT(*)", "count") / select("COALESCE(AVG(rating), 4.8)", "avg") select
//          expressions, a multi-line template condition with MySQL JSON_SEARCH opening on its
//          own line), decoys (union type "ASC" | "DESC", order: { createdAt: "DESC" }, sort
//          column map values and orderBy("p.name", "ASC") / addOrderBy("conversation.id", …)
//          bare identifiers, select([...]) column lists, from("machines", "m") table names,
//          status strings "active"/"all", exception texts, translation keys, code
//          values "ALREADY_HANDED_OFF", the loyalty-tier literals).

// ---------------------------------------------------------------- id 71627047394 (excerpt)
export class ConversationsService {
  async findAllPaginated(me: any, q?: any) {
    const adminId = tenantId(me);
    if (!adminId) {
      throw new BadRequestException(
        this.translations.t("common.missing_admin_id"),
      );
    }

    const limit = Number(q?.limit ?? 50);
    const search = String(q?.search ?? "").trim();
    const sortBy = String(q?.sortBy ?? "lastMessageAt"); // Default to lastMessageAt for chat
    const sortDir: "ASC" | "DESC" =
      String(q?.sortDir ?? "DESC").toUpperCase() === "ASC" ? "ASC" : "DESC";

    // Axios sends cursor[value]/cursor[id]; Nest does not nest those into q.cursor.
    const cursor =
      q?.cursor?.value != null && q?.cursor?.id != null
        ? { value: q.cursor.value, id: q.cursor.id }
        : q?.["cursor[value]"] != null && q?.["cursor[id]"] != null
          ? { value: q["cursor[value]"], id: q["cursor[id]"] }
          : undefined;

    const qb = this.conversationRepo
      .createQueryBuilder("conversation")
      .leftJoinAndSelect("conversation.customer", "customer")
      .leftJoinAndSelect("conversation.lastMessage", "lastMessage")
      .where("conversation.adminId = :adminId", { adminId }); // expect: fragment

    // Filters
    if (q?.status) {
      qb.andWhere("conversation.status = :status", { status: q.status }); // expect: fragment
    }

    if (q?.customerId) {
      qb.andWhere("conversation.customerId = :customerId", { // expect: fragment
        customerId: q.customerId,
      });
    }

    if (q?.unreadOnly === "true" || q?.unreadOnly === true) {
      qb.andWhere("conversation.unreadCount > 0"); // expect: fragment
    }

    if (q?.humanHandoffOnly === "true" || q?.humanHandoffOnly === true) {
      qb.andWhere("conversation.humanHandoff = true"); // expect: fragment
    }

    // Search (by customer name or phone number)
    if (search) {
      qb.andWhere(
        new Brackets((sq) => {
          sq.where("customer.name ILIKE :s", { s: `%${search}%` }).orWhere( // expect: fragment
            "customer.phoneNumber ILIKE :s", // expect: fragment
            { s: `%${search}%` },
          );
        }),
      );
    }

    // Cursor Pagination Logic
    const sortColumns: Record<string, string> = {
      createdAt: "conversation.createdAt",
      updatedAt: "conversation.updatedAt",
      lastMessageAt: "conversation.lastMessageAt",
      status: "conversation.status",
    };

    const sortCol = sortColumns[sortBy] || "conversation.lastMessageAt";
    if (cursor) {
      const operator = sortDir === "DESC" ? "<" : ">";

      qb.andWhere(
        `(${sortCol}, conversation.id) ${operator} (:cursorValue, :cursorId)`, // expect: fragment
        {
          cursorValue: cursor.value,
          cursorId: cursor.id,
        },
      );
    }

    // Always sort by primary column AND id as tie-breaker
    qb.orderBy(sortCol, sortDir);
    qb.addOrderBy("conversation.id", sortDir);

    const recordsWithExtra = await qb.take(limit + 1).getMany();
    const hasMore = recordsWithExtra.length > limit;
    const records = hasMore
      ? recordsWithExtra.slice(0, limit)
      : recordsWithExtra;

    return {
      records,
      hasMore,
      limit,
      nextCursor: hasMore
        ? {
          value: records?.[records.length - 1]?.[sortBy],
          id: records?.[records.length - 1]?.id,
        }
        : undefined,
      sortBy,
      sortDir,
    };
  }

  async resumeAgent(me: any, id: string) {
    const adminId = tenantId(me);
    const conversation = await this.conversationRepo.findOne({
      where: { id, adminId },
    });
    if (!conversation) {
      throw new NotFoundException(
        this.translations.t("domains.conversation.not_found"),
      );
    }
    conversation.agentPausedUntil = null;
    const saved = await this.conversationRepo.save(conversation);
    this.emitConversationAi(saved);
    const lastInbound = await this.messageRepo.findOne({
      where: {
        adminId,
        conversationId: saved.id,
        direction: MessageDirection.INBOUND,
      },
      order: { createdAt: "DESC" },
      select: { accountId: true },
    });
    return saved;
  }

  async startHumanHandoff(input: {
    adminId: string;
    conversationId: string;
  }): Promise<{
    ok: true;
    code: "ALREADY_HANDED_OFF" | "HANDED_OFF" | "ISSUE_CREATED";
    issueId?: string;
    humanHandoff: boolean;
  }> {
    return {
      ok: true,
      code: "ALREADY_HANDED_OFF",
      humanHandoff: true,
    };
  }
}

// ---------------------------------------------------------------- id 51907628489 (excerpt)
export class PublicCatalogService {
  async getStats(): Promise<{
    totalMachines: number;
    totalProducts: number;
    totalOrders: number;
    totalClients: number;
    avgRating: number;
  }> {
    // Count active machines for public organization
    const machineCount = await this.productRepository.manager
      .createQueryBuilder()
      .select("COUNT(*)", "count") // expect: fragment
      .from("machines", "m")
      .where("m.organization_id = :orgId", { orgId: this.publicOrgId }) // expect: fragment
      .andWhere("m.status = :status", { status: "active" }) // expect: fragment
      .andWhere("m.deleted_at IS NULL") // expect: fragment
      .getRawOne();

    // Count active products for public organization
    const productCount = await this.productRepository
      .createQueryBuilder("p")
      .where("p.organizationId = :orgId", { orgId: this.publicOrgId }) // expect: fragment
      .andWhere("p.status = :status", { status: "active" }) // expect: fragment
      .andWhere("p.deletedAt IS NULL") // expect: fragment
      .getCount();

    // Count completed orders for public organization
    const orderCount = await this.orderRepository
      .createQueryBuilder("o")
      .where("o.organizationId = :orgId", { orgId: this.publicOrgId }) // expect: fragment
      .andWhere("o.deletedAt IS NULL") // expect: fragment
      .getCount();

    // Count registered clients
    const clientCount = await this.clientUserRepository
      .createQueryBuilder("c")
      .where("c.deletedAt IS NULL") // expect: fragment
      .getCount();

    // Average rating from operator ratings (if available)
    const avgRatingResult = await this.productRepository.manager
      .createQueryBuilder()
      .select("COALESCE(AVG(rating), 4.8)", "avg") // expect: fragment
      .from("operator_ratings", "r")
      .where("r.deleted_at IS NULL") // expect: fragment
      .getRawOne();

    return {
      totalMachines: parseInt(machineCount?.count ?? "0", 10),
      totalProducts: productCount,
      totalOrders: orderCount,
      totalClients: clientCount,
      avgRating: parseFloat(
        parseFloat(avgRatingResult?.avg ?? "4.8").toFixed(1),
      ),
    };
  }

  async getPromotions() {
    // Check if promo_codes table has active public promos
    const now = new Date();

    const promos = await this.productRepository.manager
      .createQueryBuilder()
      .select([
        "pc.id",
        "pc.code",
        "pc.description",
        "pc.discount_type",
        "pc.discount_value",
        "pc.min_order_amount",
        "pc.valid_from",
        "pc.valid_until",
      ])
      .from("promo_codes", "pc")
      .where("pc.organization_id = :orgId", { orgId: this.publicOrgId }) // expect: fragment
      .andWhere("pc.is_active = true") // expect: fragment
      .andWhere("pc.deleted_at IS NULL") // expect: fragment
      .andWhere("(pc.valid_from IS NULL OR pc.valid_from <= :now)", { now }) // expect: fragment
      .andWhere("(pc.valid_until IS NULL OR pc.valid_until >= :now)", { now }) // expect: fragment
      .andWhere("(pc.max_uses IS NULL OR pc.current_uses < pc.max_uses)") // expect: fragment
      .orderBy("pc.created_at", "DESC")
      .limit(20)
      .getRawMany();

    return {
      data: promos.map((p) => ({
        id: p.pc_id,
        code: p.pc_code,
        description: p.pc_description,
        discountType: p.pc_discount_type,
        discountValue: Number(p.pc_discount_value),
        minOrderAmount: p.pc_min_order_amount
          ? Number(p.pc_min_order_amount)
          : null,
        validFrom: p.pc_valid_from,
        validUntil: p.pc_valid_until,
      })),
      total: promos.length,
    };
  }

  async getLoyaltyTiers() {
    // Standard VendHub loyalty tiers
    return {
      tiers: [
        {
          level: "bronze",
          name: "Bronze",
          nameUz: "Bronza",
          nameRu: "Бронза",
          minPoints: 0,
          maxPoints: 4999,
          multiplier: 1.0,
          cashbackPercent: 2,
          privileges: ["Базовое начисление баллов"],
        },
      ],
      currency: "UZS",
      pointsPerUzs: 1, // 1 UZS = 1 point
    };
  }
}

// ---------------------------------------------------------------- id 61192663619 (excerpt)
export class OrdersService {
  /* ==========================
        USER ORDERS
  ========================== */
  async findByUser(
    userId: string,
    q?: {
      status?: string;
      search?: string;
      page?: number;
      limit?: number;
    }
  ) {
    const qb = this.orderRepo.createQueryBuilder("o");
    qb.where("o.userId = :userId", { userId }); // expect: fragment

    if (q?.status && q.status !== "all") {
      qb.andWhere("o.status = :status", { status: q.status }); // expect: fragment
    }

    if (q?.search) {
      const keyword = `%${q.search.toLowerCase()}%`;

      qb.andWhere(
        // expect-next: fragment
        `
    LOWER(o.code) LIKE :kw
    OR JSON_SEARCH(
      LOWER(JSON_EXTRACT(o.items, '$[*].tourTitle')),
      'one',
      :kw
    ) IS NOT NULL
    `,
        { kw: keyword }
      );
    }

    qb.orderBy("o.createdAt", "DESC");

    return qb.getMany();
  }

  async findOne(id: string, userId: string) {
    const order = await this.orderRepo.findOne({
      where: { id },
      relations: ["user"],
    });

    if (!order || order.userId !== userId)
      throw new NotFoundException("Order not found");
    return order;
  }
}
