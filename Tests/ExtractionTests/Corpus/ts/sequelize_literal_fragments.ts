// Sources: two Sequelize services found with find_string "Sequelize.literal(`" (repository names
// not returned):
//   (a) CQ directory queries (import { Op, Sequelize } from "sequelize")  (index id 6894048022), complete
//   (b) ArticleTagsService (typedi + sequelize)                          (index id 42794647), complete
// Verbatim; concatenated into one file (the second file's imports kept in place, so `Op` and
// `sequelize`/`Sequelize` are imported twice across the two halves — harmless for a scanner,
// noted for a compiler).
// Classes: fragments (Sequelize.literal sub-queries "(SELECT id FROM … WHERE …)" handed to
//          [Op.in] / [Op.notIn], one with a nested IN (SELECT …), a CASE … END expression in an
//          order list, a correlated select expression built with ${field}, a multi-line CASE
//          WHEN … END literal opening on the call line — labelled with expect-next on the line
//          before), decoys (Op.like "eHealth%", Op.notILike "commonwell", attribute lists
//          ['updated_on', "updatedOn"], HttpException texts "Article doesn't exist", "There are no
//          Tags", `The Tag has been deleted ID Tag ${tag_id}`, JSDoc prose "Returns the ID of CQ
//          directory entries …").

// ---------------------------------------------------------------- (a) id 6894048022
import { Op, Sequelize } from "sequelize";
import { CQDirectoryEntryModel } from "../../models/cq-directory";

/**
 * Returns the ID of CQ directory entries that are not managed by the organizations provided as
 * parameter.
 *
 * @param managingOrgNames - An array of managing organization names
 * @returns IDs of the CQ directory entries not managed by the provided orgs
 */
export async function getOrganizationIdsNotManagedBy(
  managingOrgNames: string[]
): Promise<string[]> {
  const entries = await CQDirectoryEntryModel.findAll({
    attributes: ["id"],
    where: {
      [Op.or]: [
        { managingOrganization: { [Op.is]: undefined } },
        { managingOrganization: { [Op.notIn]: managingOrgNames } },
      ],
    },
  });
  const ids = entries.map(entry => entry.id);
  return ids;
}

export async function getRecordLocatorServiceOrganizations(): Promise<CQDirectoryEntryModel[]> {
  const rls: CQDirectoryEntryModel[] = await CQDirectoryEntryModel.findAll({
    where: {
      urlXCPD: {
        [Op.ne]: "",
      },
      [Op.or]: [
        {
          managingOrganizationId: { [Op.is]: undefined },
        },
        { managingOrganizationId: { [Op.col]: "id" } },
      ],
    },
  });

  const eHex: CQDirectoryEntryModel[] = await CQDirectoryEntryModel.findAll({
    where: {
      urlXCPD: {
        [Op.ne]: "",
      },
      managingOrganization: {
        [Op.like]: "eHealth%",
      },
    },
  });

  return [...rls, ...eHex];
}

export async function getSublinkOrganizations(): Promise<CQDirectoryEntryModel[]> {
  return CQDirectoryEntryModel.findAll({
    where: {
      urlXCPD: {
        [Op.ne]: "",
      },
      managingOrganization: {
        [Op.notILike]: "commonwell",
      },
      managingOrganizationId: {
        [Op.or]: [
          { [Op.is]: undefined },
          { // expect-next: fragment
            [Op.in]: Sequelize.literal(`(
                SELECT id FROM cq_directory_entry
                WHERE url_xcpd IS NULL
                AND (managing_organization_id = id OR managing_organization = name)
            )`),
          },
        ],
      },
    },
    order: [
      Sequelize.literal("CASE WHEN LOWER(managing_organization) = 'epic' THEN 0 ELSE 1 END"), // expect: fragment
      "managing_organization",
    ],
  });
}

export async function getStandaloneOrganizations(): Promise<CQDirectoryEntryModel[]> {
  return CQDirectoryEntryModel.findAll({
    where: {
      urlXCPD: {
        [Op.ne]: "",
      },
      id: {
        [Op.and]: [
          { // expect-next: fragment
            [Op.notIn]: Sequelize.literal(`(
                SELECT id FROM cq_directory_entry
                WHERE url_xcpd IS NOT NULL
                AND (managing_organization_id IS NULL OR managing_organization_id = id)
            )`),
          },
          { // expect-next: fragment
            [Op.notIn]: Sequelize.literal(`(
                SELECT id FROM cq_directory_entry
                WHERE url_xcpd IS NOT NULL
                AND managing_organization_id IN (
                    SELECT id FROM cq_directory_entry
                    WHERE url_xcpd IS NULL
                    AND (managing_organization_id = id OR managing_organization = name)
                )
            )`),
          },
        ],
      },
    },
  });
}

// ---------------------------------------------------------------- (b) id 42794647
import { DB } from '@/database';
import { HttpException } from '@/exceptions/httpException';
import { Service } from 'typedi';
import sequelize, { Op, where } from 'sequelize';
import { ArticleTag } from '@/interfaces/article_tag.interface';
import { ArticleTagModel } from '@/models/article_tags.model';
import { CreateArticleTagDto } from '@/dtos/article_tag.dto';

@Service()
export class ArticleTagsService {

    public async getTagByArticleId(article_id: number, pageNumber: number): Promise<ArticleTagModel[] | string> {

        const existingArticle = await DB.Article.findOne({
            where:{
                [Op.and]:[
                    {id:article_id},
                    {record_status:2}
                ]
            }
        });


        if (!existingArticle) {
            throw new HttpException(404, "Article doesn't exist");
        }

        const offset = (pageNumber - 1) * 15;

        const getUserName = (field: string) =>
            sequelize.literal(`(SELECT user_name FROM User WHERE User.uid = ArticleTagModel.${field})`); // expect: fragment

        const getStatusName = () => // expect-next: fragment
            sequelize.literal(`
                CASE
                    WHEN ArticleTagModel.record_status = 1 THEN 'PENDING'
                    WHEN ArticleTagModel.record_status = 2 THEN 'ACTIVE'
                    WHEN ArticleTagModel.record_status = 3 THEN 'DELETED'
                    ELSE 'UNKNOWN'
                END
            `);;

        const allTag: ArticleTagModel[] = await DB.ArticleTag.findAll({
            attributes: [
                'id',
                'article_id',
                'tag_id',
                [getStatusName(), 'status'],
                [getUserName('created_by'), 'author'],
                [getUserName('updated_by'), 'updatedBy'],
                ['updated_on', "updatedOn"],
                [getUserName('deleted_by'), 'deletedBy'],
                ['deleted_on', "deletedOn"],
            ],
            offset,
            limit: 15,
            where: {
                article_id: article_id
            }
        });

        return allTag.length ? allTag : "There are no Tags";
    }

    public async createNewTagsForArticle(article_id: number, tag_id: number, article_tag_data: CreateArticleTagDto, user_id: number): Promise<ArticleTagModel> {

        const checkOnArticle = await DB.Article.findOne({
            where: {
                [Op.and]: [
                    { id: article_id },
                    { record_status: 2 }
                ]
            }
        });

        const checkOnTag = await DB.Tag.findOne({
            where:{
                [Op.and]:[
                    {id:tag_id},
                    {record_status:2}
                ]
            }
        });

        if (!checkOnArticle)
            throw new HttpException(404, "Article doesn't exist");

        if (!checkOnTag)
            throw new HttpException(404, "Tag doesn't exist");

        const create_tagsforAtricle: ArticleTagModel = await DB.ArticleTag.create({ ...article_tag_data, created_by: user_id });
        return create_tagsforAtricle;
    }

    public async deleteTagsFormArticle(article_id: number, tag_id: number, user_id: number): Promise<ArticleTagModel | string> {


        const existingArticle: ArticleTag = await DB.ArticleTag.findOne({
            where: {
                article_id: article_id,
            }
        });
        const existingTag: ArticleTag = await DB.ArticleTag.findOne({
            where: {
                tag_id: tag_id,
            }
        });

        if (!existingArticle)
            throw new HttpException(404, "Article doesn't exist");

        if (!existingTag)
            throw new HttpException(404, "Tag doesn't exist");

        if (existingTag.record_status === 3) {
            throw new HttpException(404, "The Tag is already deleted");
        }

        await DB.ArticleTag.update({ record_status: 3, deleted_by: user_id, deleted_on: new Date() }, { where: { tag_id: tag_id } })

        return `The Tag has been deleted ID Tag ${tag_id}`;
    }
}
