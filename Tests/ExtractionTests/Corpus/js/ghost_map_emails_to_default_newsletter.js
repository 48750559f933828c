// Source: TryGhost/Ghost, ghost/core/core/server/data/migrations/versions/5.0/
// 2022-05-04-15-24-map-existing-emails-to-default-newsletter.js (read_file id 307364045,
// commit 048089b4788c66d587d5d0427723eea8767f39a1), MIT.
// Classes: Knex query builder with column names only (where/orderBy/first/update/whereNull:
// unlabelled), a whole sub-SELECT handed to whereIn through knex.raw('SELECT …') (fragment, the
// precedent of rounds 4 and 7 for a SELECT used as a piece), decoys (log texts naming newsletters,
// 'default-newsletter' slug, `${newsletter.id}` in a log template).
// Adaptations: this header added; code as found (48 lines, under the 60 asked for).
const logging = require('@tryghost/logging');
const {createTransactionalMigration} = require('../../utils');

module.exports = createTransactionalMigration(
    async function up(knex) {
        logging.info('Linking existing emails and related posts to the default newsletter');

        // Get the default newsletter
        // Note we intentionally use the default newsletter slug instead of the usual orderBy logic
        let newsletter = await knex('newsletters')
            .where('slug', 'default-newsletter')
            .first('id', 'slug');

        if (!newsletter) {
            // Fall back to orderBy - just in case
            logging.warn(`Original default newsletter not found - using first in sort order`);
            newsletter = await knex('newsletters')
                .where('status', 'active')
                .orderBy('sort_order', 'asc')
                .orderBy('created_at', 'asc')
                .orderBy('id', 'asc')
                .first('id', 'slug');
        }

        if (!newsletter) {
            logging.error(`Newsletter not found - skipping`);
            return;
        }

        logging.info(`Assigning existing emails to newsletter ID ${newsletter.id} (${newsletter.slug})`);

        // Set newsletter ID only on posts with related email records without a newsletter assigned
        await knex('posts')
            .update('newsletter_id', newsletter.id)
            .whereIn('id', knex.raw('SELECT post_id FROM emails WHERE emails.newsletter_id IS NULL')); // expect: fragment

        await knex('emails')
            .update('newsletter_id', newsletter.id)
            .whereNull('newsletter_id');
    },
    async function down() {
        // Not required
    }
);
