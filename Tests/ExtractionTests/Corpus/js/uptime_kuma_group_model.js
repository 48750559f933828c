// Source: louislam/uptime-kuma (MIT), server/model/group.js, read_file index id 4538847885
// (commit 0841768dc53dbd521bf72a151c4009ea390462ae). Uptime Kuma self-hosted monitoring tool: the
// status-page Group bean (redbean-node ORM over SQLite / MariaDB).
// Classes: R.getAll(`…`, [binds]) with a template that opens at the end of the call line and has
// no `${}` hole (static; the `return R.convertToBeans("monitor", await R.getAll(` line ends
// inside the template and cannot carry a comment, so expect-next sits on the method line before
// it), implicit join `FROM monitor, monitor_group`, `?` bind; decoys: the bean type name
// "monitor", JSDoc, JSON keys.
// Adaptations: this header; label comments only.
const { BeanModel } = require("redbean-node/dist/bean-model");
const { R } = require("redbean-node");

class Group extends BeanModel {

    /**
     * Return an object that ready to parse to JSON for public
     * Only show necessary data to public
     * @param {boolean} showTags Should the JSON include monitor tags
     * @param {boolean} certExpiry Should JSON include info about
     * certificate expiry?
     * @param {boolean} showStatus Should the JSON include the status
     * @returns {Promise<object>} Object ready to parse
     */
    async toPublicJSON(showTags = false, certExpiry = false, showStatus = false) {
        let monitorBeanList = await this.getMonitorList();
        let monitorList = [];

        for (let bean of monitorBeanList) {
            monitorList.push(await bean.toPublicJSON(showTags, certExpiry, showStatus));
        }

        return {
            id: this.id,
            name: this.name,
            weight: this.weight,
            monitorList,
        };
    }

    /**
     * Get all monitors
     * @returns {Promise<Bean[]>} List of monitors
     */
    async getMonitorList() { // expect-next: static
        return R.convertToBeans("monitor", await R.getAll(`
            SELECT monitor.*, monitor_group.send_url FROM monitor, monitor_group
            WHERE monitor.id = monitor_group.monitor_id
            AND group_id = ?
            ORDER BY monitor_group.weight
        `, [
            this.id,
        ]));
    }
}

module.exports = Group;
