<?php
/*
 * Sources (two WordPress plugins; the index did not return the repository names):
 *   1. KTPWP migration "Add Stripe Columns" (find_string '$wpdb->query( "ALTER', read_file id 58562182278), complete file;
 *   2. SS_Core_Licenses\Plugin (find_string '$wpdb->query( "ALTER', read_file id 20212583418), excerpt: the methods
 *      verify_database_tables() and woocommerce_missing_notice(), wrapped in their class; its line `namespace SS_Core_Licenses;` was dropped (a namespace declaration cannot follow global code).
 * Adaptation: concatenated (the second file's `<?php` opener dropped); code unchanged apart from labels, which follow
 *   the source's own trailing `// phpcs:ignore …` comments where a line already has one.
 * Classes: dynamic ($wpdb->query / get_col / get_results with "{$table}" / "`{$table}`" / "`{$col}` {$def}"
 *   interpolation: ALTER TABLE ADD COLUMN / DROP COLUMN / ADD INDEX, SHOW COLUMNS FROM, SHOW INDEXES FROM … WHERE),
 *   static ($wpdb->prepare('SHOW TABLES LIKE %s', $table) with a %s placeholder), MySQL-only statements (SHOW …,
 *   COMMENT '…', AFTER id, bigint(20) UNSIGNED: hard cases), fragments (column definitions kept in an array and
 *   spliced into the ALTER TABLE as {$def}; see README-A.md, debatable), decoys (column names in arrays and
 *   in_array(), wp_list_pluck($columns, 'Field'), 'Key_name', phpcs:ignore comments naming
 *   PreparedSQL.InterpolatedNotPrepared, the admin-notice HTML, "Table doesn't exist, recreate it." comment).
 */

// ---- 1. KTPWP_Migration_20260614_Add_Stripe_Columns (id 58562182278) ----

/**
 * Stripe 連携用カラムを追加するマイグレーション
 *
 * @package KTPWP
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Migration: Stripe columns for client, order
 */
class KTPWP_Migration_20260614_Add_Stripe_Columns {

	/**
	 * Run migration.
	 *
	 * @return bool
	 */
	public static function up() {
		global $wpdb;

		$tables = array(
			$wpdb->prefix . 'ktp_client' => array(
				'stripe_customer_id' => "VARCHAR(255) NULL DEFAULT NULL COMMENT 'Stripe Customer ID'", // expect: fragment
			),
			$wpdb->prefix . 'ktp_order'  => array(
				'stripe_invoice_id'  => "VARCHAR(255) NULL DEFAULT NULL COMMENT 'Stripe Invoice ID'", // expect: fragment
				'stripe_invoice_url' => "VARCHAR(512) NULL DEFAULT NULL COMMENT 'Stripe hosted invoice URL'", // expect: fragment
				'stripe_paid_at'     => "DATETIME NULL DEFAULT NULL COMMENT 'Stripe入金日時'", // expect: fragment
			),
		);

		foreach ( $tables as $table => $columns ) {
			if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) !== $table ) { // expect: static
				continue;
			}

			$existing = $wpdb->get_col( "SHOW COLUMNS FROM `{$table}`", 0 ); // expect: dynamic

			foreach ( $columns as $col => $def ) {
				if ( in_array( $col, $existing, true ) ) {
					continue;
				}
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$wpdb->query( "ALTER TABLE `{$table}` ADD COLUMN `{$col}` {$def}" ); // expect: dynamic
			}
		}

		return true;
	}

	/**
	 * Rollback migration.
	 *
	 * @return bool
	 */
	public static function down() {
		global $wpdb;

		$drops = array(
			$wpdb->prefix . 'ktp_client' => array( 'stripe_customer_id' ),
			$wpdb->prefix . 'ktp_order'  => array( 'stripe_invoice_id', 'stripe_invoice_url', 'stripe_paid_at' ),
		);

		foreach ( $drops as $table => $columns ) {
			if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) !== $table ) { // expect: static
				continue;
			}
			$existing = $wpdb->get_col( "SHOW COLUMNS FROM `{$table}`", 0 ); // expect: dynamic
			foreach ( $columns as $col ) {
				if ( ! in_array( $col, $existing, true ) ) {
					continue;
				}
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$wpdb->query( "ALTER TABLE `{$table}` DROP COLUMN `{$col}`" ); // expect: dynamic
			}
		}

		return true;
	}
}

// ---- 2. SS_Core_Licenses\Plugin (id 20212583418), excerpt ----

/**
 * Plugin main class.
 */
class Plugin {

	/**
	 * Verify database tables exist and have correct structure.
	 */
	private function verify_database_tables() {
		global $wpdb;

		$tables = array(
			$wpdb->prefix . 'ss_licenses',
			$wpdb->prefix . 'ss_license_pools',
			$wpdb->prefix . 'ss_license_events',
			$wpdb->prefix . 'ss_audit_log',
		);

		foreach ( $tables as $table ) {
			$table_exists = $wpdb->get_var( $wpdb->prepare( "SHOW TABLES LIKE %s", $table ) ) === $table; // expect: static
			if ( ! $table_exists ) {
				// Table doesn't exist, recreate it.
				$this->database->create_tables();
				break;
			}
		}

		// Specifically check audit_log table structure and fix if needed.
		$audit_table = $wpdb->prefix . 'ss_audit_log';
		$table_exists = $wpdb->get_var( $wpdb->prepare( "SHOW TABLES LIKE %s", $audit_table ) ) === $audit_table; // expect: static
		
		if ( $table_exists ) {
			$columns = $wpdb->get_results( "SHOW COLUMNS FROM {$audit_table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared // expect: dynamic
			$column_names = array();
			if ( $columns ) {
				$column_names = wp_list_pluck( $columns, 'Field' );
			}
			
			if ( ! in_array( 'actor_user_id', $column_names, true ) ) {
				// Add missing column.
				$wpdb->query( "ALTER TABLE {$audit_table} ADD COLUMN actor_user_id bigint(20) UNSIGNED NOT NULL DEFAULT 0 AFTER id" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared // expect: dynamic
				// Check if index exists before adding.
				$indexes = $wpdb->get_results( "SHOW INDEXES FROM {$audit_table} WHERE Key_name = 'actor_user_id'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared // expect: dynamic
				if ( empty( $indexes ) ) {
					$wpdb->query( "ALTER TABLE {$audit_table} ADD INDEX actor_user_id (actor_user_id)" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared // expect: dynamic
				}
			}
		}
	}

	/**
	 * Show WooCommerce missing notice.
	 */
	public function woocommerce_missing_notice() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}

		echo '<div class="notice notice-error"><p>';
		echo esc_html__( 'SecureSoft Core & Licenses requires WooCommerce to be installed and activated. Some features may not work correctly.', 'ss-core-licenses' );
		echo '</p></div>';
	}

}
