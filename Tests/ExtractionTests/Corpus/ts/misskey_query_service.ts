// Source: misskey-dev/misskey, packages/backend/src/core/QueryService.ts (read_file id 24554622935,
// commit 02a1e7e24e0d86e4877a073b8e75dadd7d4b5b4e). Taken whole (257 source lines); only this
// header was added.
// Classes: TypeORM SelectQueryBuilder conditions handed to where / andWhere / orWhere (fragments),
// plain and inside nested `new Brackets(qb => ...)` groups; conditions that splice a sub-query's
// text with `${ subQuery.getQuery() }` into `NOT IN (...)` / `IN (...)`; a jsonb containment
// condition `NOT ((${ ... })::jsonb ? note.userHost)`; array containment `:meIdAsList <@ note.mentions`;
// `${q.alias}.id > :sinceId` conditions with a run-time alias; :name parameters; escaped quotes
// inside single-quoted conditions (`'note.visibility = \'public\''`). Decoys: select('alias.column')
// and createQueryBuilder('alias') identifiers, orderBy(`${q.alias}.id`, 'DESC') (identifier plus a
// separate direction argument), setParameters, Japanese comments. Fragment-heavy (57 labels).
/*
 * SPDX-FileCopyrightText: syuilo and misskey-project
 * SPDX-License-Identifier: AGPL-3.0-only
 */

import { Inject, Injectable } from '@nestjs/common';
import { Brackets, ObjectLiteral } from 'typeorm';
import { DI } from '@/di-symbols.js';
import type { MiUser } from '@/models/User.js';
import type { UserProfilesRepository, FollowingsRepository, ChannelFollowingsRepository, BlockingsRepository, NoteThreadMutingsRepository, MutingsRepository, RenoteMutingsRepository } from '@/models/_.js';
import { bindThis } from '@/decorators.js';
import { IdService } from '@/core/IdService.js';
import { MiBlockingType } from '@/models/Blocking.js';
import type { SelectQueryBuilder } from 'typeorm';

@Injectable()
export class QueryService {
	constructor(
		@Inject(DI.userProfilesRepository)
		private userProfilesRepository: UserProfilesRepository,

		@Inject(DI.followingsRepository)
		private followingsRepository: FollowingsRepository,

		@Inject(DI.channelFollowingsRepository)
		private channelFollowingsRepository: ChannelFollowingsRepository,

		@Inject(DI.blockingsRepository)
		private blockingsRepository: BlockingsRepository,

		@Inject(DI.noteThreadMutingsRepository)
		private noteThreadMutingsRepository: NoteThreadMutingsRepository,

		@Inject(DI.mutingsRepository)
		private mutingsRepository: MutingsRepository,

		@Inject(DI.renoteMutingsRepository)
		private renoteMutingsRepository: RenoteMutingsRepository,

		private idService: IdService,
	) {
	}

	public makePaginationQuery<T extends ObjectLiteral>(q: SelectQueryBuilder<T>, sinceId?: string | null, untilId?: string | null, sinceDate?: number | null, untilDate?: number | null): SelectQueryBuilder<T> {
		if (sinceId && untilId) {
			q.andWhere(`${q.alias}.id > :sinceId`, { sinceId: sinceId }); // expect: fragment
			q.andWhere(`${q.alias}.id < :untilId`, { untilId: untilId }); // expect: fragment
			q.orderBy(`${q.alias}.id`, 'DESC');
		} else if (sinceId) {
			q.andWhere(`${q.alias}.id > :sinceId`, { sinceId: sinceId }); // expect: fragment
			q.orderBy(`${q.alias}.id`, 'ASC');
		} else if (untilId) {
			q.andWhere(`${q.alias}.id < :untilId`, { untilId: untilId }); // expect: fragment
			q.orderBy(`${q.alias}.id`, 'DESC');
		} else if (sinceDate && untilDate) {
			q.andWhere(`${q.alias}.id > :sinceId`, { sinceId: this.idService.gen(sinceDate) }); // expect: fragment
			q.andWhere(`${q.alias}.id < :untilId`, { untilId: this.idService.gen(untilDate) }); // expect: fragment
			q.orderBy(`${q.alias}.id`, 'DESC');
		} else if (sinceDate) {
			q.andWhere(`${q.alias}.id > :sinceId`, { sinceId: this.idService.gen(sinceDate) }); // expect: fragment
			q.orderBy(`${q.alias}.id`, 'ASC');
		} else if (untilDate) {
			q.andWhere(`${q.alias}.id < :untilId`, { untilId: this.idService.gen(untilDate) }); // expect: fragment
			q.orderBy(`${q.alias}.id`, 'DESC');
		} else {
			q.orderBy(`${q.alias}.id`, 'DESC');
		}
		return q;
	}

	// ここでいうBlockedは被Blockedの意
	@bindThis
	public generateBlockedUserQuery(q: SelectQueryBuilder<any>, me: { id: MiUser['id'] }): void {
		const blockingQuery = this.blockingsRepository.createQueryBuilder('blocking')
			.select('blocking.blockerId')
			.where('blocking.blockeeId = :blockeeId', { blockeeId: me.id }) // expect: fragment
			.andWhere('blocking.blockType = :blockType', { blockType: MiBlockingType.User }); // expect: fragment

		// 投稿の作者にブロックされていない かつ
		// 投稿の返信先の作者にブロックされていない かつ
		// 投稿の引用元の作者にブロックされていない
		q
			.andWhere(`note.userId NOT IN (${ blockingQuery.getQuery() })`) // expect: fragment
			.andWhere(new Brackets(qb => {
				qb
					.where('note.replyUserId IS NULL') // expect: fragment
					.orWhere(`note.replyUserId NOT IN (${ blockingQuery.getQuery() })`); // expect: fragment
			}))
			.andWhere(new Brackets(qb => {
				qb
					.where('note.renoteUserId IS NULL') // expect: fragment
					.orWhere(`note.renoteUserId NOT IN (${ blockingQuery.getQuery() })`); // expect: fragment
			}));

		q.setParameters(blockingQuery.getParameters());
	}

	@bindThis
	public generateBlockQueryForUsers(q: SelectQueryBuilder<any>, me: { id: MiUser['id'] }): void {
		const blockingQuery = this.blockingsRepository.createQueryBuilder('blocking')
			.select('blocking.blockeeId')
			.where('blocking.blockerId = :blockerId', { blockerId: me.id }) // expect: fragment
			.andWhere('blocking.blockType = :blockType', { blockType: MiBlockingType.User }); // expect: fragment

		const blockedQuery = this.blockingsRepository.createQueryBuilder('blocking')
			.select('blocking.blockerId')
			.where('blocking.blockeeId = :blockeeId', { blockeeId: me.id }); // expect: fragment

		q.andWhere(`user.id NOT IN (${ blockingQuery.getQuery() })`); // expect: fragment
		q.setParameters(blockingQuery.getParameters());

		q.andWhere(`user.id NOT IN (${ blockedQuery.getQuery() })`); // expect: fragment
		q.setParameters(blockedQuery.getParameters());
	}

	@bindThis
	public generateMutedNoteThreadQuery(q: SelectQueryBuilder<any>, me: { id: MiUser['id'] }): void {
		const mutedQuery = this.noteThreadMutingsRepository.createQueryBuilder('threadMuted')
			.select('threadMuted.threadId')
			.where('threadMuted.userId = :userId', { userId: me.id }); // expect: fragment

		q.andWhere(`note.id NOT IN (${ mutedQuery.getQuery() })`); // expect: fragment
		q.andWhere(new Brackets(qb => {
			qb
				.where('note.threadId IS NULL') // expect: fragment
				.orWhere(`note.threadId NOT IN (${ mutedQuery.getQuery() })`); // expect: fragment
		}));

		q.setParameters(mutedQuery.getParameters());
	}

	@bindThis
	public generateMutedUserQuery(q: SelectQueryBuilder<any>, me: { id: MiUser['id'] }, exclude?: { id: MiUser['id'] }): void {
		const mutingQuery = this.mutingsRepository.createQueryBuilder('muting')
			.select('muting.muteeId')
			.where('muting.muterId = :muterId', { muterId: me.id }); // expect: fragment

		if (exclude) {
			mutingQuery.andWhere('muting.muteeId != :excludeId', { excludeId: exclude.id }); // expect: fragment
		}

		const mutingInstanceQuery = this.userProfilesRepository.createQueryBuilder('user_profile')
			.select('user_profile.mutedInstances')
			.where('user_profile.userId = :muterId', { muterId: me.id }); // expect: fragment

		// 投稿の作者をミュートしていない かつ
		// 投稿の返信先の作者をミュートしていない かつ
		// 投稿の引用元の作者をミュートしていない
		q
			.andWhere(`note.userId NOT IN (${ mutingQuery.getQuery() })`) // expect: fragment
			.andWhere(new Brackets(qb => {
				qb
					.where('note.replyUserId IS NULL') // expect: fragment
					.orWhere(`note.replyUserId NOT IN (${ mutingQuery.getQuery() })`); // expect: fragment
			}))
			.andWhere(new Brackets(qb => {
				qb
					.where('note.renoteUserId IS NULL') // expect: fragment
					.orWhere(`note.renoteUserId NOT IN (${ mutingQuery.getQuery() })`); // expect: fragment
			}))
			// mute instances
			.andWhere(new Brackets(qb => {
				qb
					.andWhere('note.userHost IS NULL') // expect: fragment
					.orWhere(`NOT ((${ mutingInstanceQuery.getQuery() })::jsonb ? note.userHost)`); // expect: fragment
			}))
			.andWhere(new Brackets(qb => {
				qb
					.where('note.replyUserHost IS NULL') // expect: fragment
					.orWhere(`NOT ((${ mutingInstanceQuery.getQuery() })::jsonb ? note.replyUserHost)`); // expect: fragment
			}))
			.andWhere(new Brackets(qb => {
				qb
					.where('note.renoteUserHost IS NULL') // expect: fragment
					.orWhere(`NOT ((${ mutingInstanceQuery.getQuery() })::jsonb ? note.renoteUserHost)`); // expect: fragment
			}));

		q.setParameters(mutingQuery.getParameters());
		q.setParameters(mutingInstanceQuery.getParameters());
	}

	@bindThis
	public generateMutedUserQueryForUsers(q: SelectQueryBuilder<any>, me: { id: MiUser['id'] }): void {
		const mutingQuery = this.mutingsRepository.createQueryBuilder('muting')
			.select('muting.muteeId')
			.where('muting.muterId = :muterId', { muterId: me.id }); // expect: fragment

		q.andWhere(`user.id NOT IN (${ mutingQuery.getQuery() })`); // expect: fragment

		q.setParameters(mutingQuery.getParameters());
	}

	@bindThis
	public generateVisibilityQuery(q: SelectQueryBuilder<any>, me?: { id: MiUser['id'] } | null): void {
		// This code must always be synchronized with the checks in Notes.isVisibleForMe.
		if (me == null) {
			q.andWhere(new Brackets(qb => {
				qb
					.where('note.visibility = \'public\'') // expect: fragment
					.orWhere('note.visibility = \'home\''); // expect: fragment
			}));
		} else {
			const followingQuery = this.followingsRepository.createQueryBuilder('following')
				.select('following.followeeId')
				.where('following.followerId = :meId'); // expect: fragment

			q.andWhere(new Brackets(qb => {
				qb
				// 公開投稿である
					.where(new Brackets(qb => {
						qb
							.where('note.visibility = \'public\'') // expect: fragment
							.orWhere('note.visibility = \'home\''); // expect: fragment
					}))
				// または 自分自身
					.orWhere('note.userId = :meId') // expect: fragment
				// または 自分宛て
					.orWhere(':meIdAsList <@ note.visibleUserIds') // expect: fragment
					.orWhere(':meIdAsList <@ note.mentions') // expect: fragment
					.orWhere(new Brackets(qb => {
						qb
						// または フォロワー宛ての投稿であり、
							.where('note.visibility = \'followers\'') // expect: fragment
							.andWhere(new Brackets(qb => {
								qb
								// 自分がフォロワーである
									.where(`note.userId IN (${ followingQuery.getQuery() })`) // expect: fragment
								// または 自分の投稿へのリプライ
									.orWhere('note.replyUserId = :meId'); // expect: fragment
							}));
					}));
			}));

			q.setParameters({ meId: me.id, meIdAsList: [me.id] });
		}
	}

	@bindThis
	public generateMutedUserRenotesQueryForNotes(q: SelectQueryBuilder<any>, me: { id: MiUser['id'] }): void {
		const mutingQuery = this.renoteMutingsRepository.createQueryBuilder('renote_muting')
			.select('renote_muting.muteeId')
			.where('renote_muting.muterId = :muterId', { muterId: me.id }); // expect: fragment

		q.andWhere(new Brackets(qb => {
			qb
				.where(new Brackets(qb => {
					qb.where('note.renoteId IS NOT NULL'); // expect: fragment
					qb.andWhere('note.text IS NULL'); // expect: fragment
					qb.andWhere(`note.userId NOT IN (${ mutingQuery.getQuery() })`); // expect: fragment
				}))
				.orWhere('note.renoteId IS NULL') // expect: fragment
				.orWhere('note.text IS NOT NULL'); // expect: fragment
		}));

		q.setParameters(mutingQuery.getParameters());
	}
}
