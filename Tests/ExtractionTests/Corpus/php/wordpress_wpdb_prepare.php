<?php
// Sources: excerpts of three WordPress plugin files found with find_string (the index did not
// return their repository names):
//   a plugin uninstall.php deleting "formgent" options        (index id 36492969682)
//   burst_get_latest_visit_data() of the Burst plugin          (index id 27170377732)
//   a chat "ace-dashboard" analytics page                      (index id 66570918472)
// Adapted: the three excerpts are gathered in one file; code lines are verbatim.
// Classes: dynamic ($wpdb->prepare() with the table name interpolated from {$wpdb->options} /
//          {$wpdb->prefix}…; string concatenation with a variable SQL piece), placeholders
//          (WordPress %s / %d), fragments (" AND page_url ='...' " kept in $sql before it is
//          concatenated into the statement), MySQL-only SHOW TABLES, decoys (option names,
//          LIKE patterns passed as values such as '%_tracking_skipped', error_log() labels,
//          section-divider comments).

// --- uninstall.php (index id 36492969682)
// If uninstall not called from WordPress, then exit.
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

// Delete Options
delete_option('formgent_ai_created_form');
delete_site_option('formgent_ai_created_form');
delete_option('formgent_settings');
delete_site_option('formgent_settings');
global $wpdb;
$options = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", '%_tracking_last_send' ) ); // expect: dynamic
foreach ( $options as $opt ) {
	delete_option( $opt );
	delete_site_option( $opt );
}
global $wpdb;
$options = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", '%_tracking_skipped' ) ); // expect: dynamic
foreach ( $options as $opt ) {
	delete_option( $opt );
	delete_site_option( $opt );
}

// --- burst_get_latest_visit_data() (index id 27170377732)
function burst_get_latest_visit_data($burst_uid = false, $page_url = false, $data_variable = false){
	error_log('burst_get_latest_visit');
	if (!$burst_uid && !$page_url) {
		return false;
	}
	$sql = "";
	if ($page_url) {
		$sql = " AND page_url ='" . esc_attr($page_url) . "' "; // expect: fragment

	}

	global $wpdb;
	if ($burst_uid) {
		$statistics
		= $wpdb->get_results( $wpdb->prepare( "select * from {$wpdb->prefix}burst_statistics where uid = %s". $sql ." ORDER BY time DESC LIMIT 1 ", // expect: dynamic
		esc_attr( $burst_uid) ) );
	}
	error_log('stats');
	error_log(print_r($statistics, true));
	if (empty($statistics)){
		return false;
	}
	return $statistics;
}

// --- ace-dashboard analytics (index id 66570918472)
function corpus_ace_dashboard_excerpt( $wpdb, $table, $since ) {
    // ── Frustrated sessions ────────────────────────────────────────────

    $frustrated = $wpdb->get_results( $wpdb->prepare(
        "SELECT session_id, COUNT(*) AS msg_count, MIN(created_at) AS started -- expect: dynamic
         FROM {$table} WHERE role = 'user' AND created_at >= %s
         GROUP BY session_id HAVING msg_count <= 2
         ORDER BY started DESC LIMIT 20", $since
    ) );

    // ── Ratings ────────────────────────────────────────────────────────

    $ratings_table = $wpdb->prefix . 'lawnace_ratings';
    $ratings_exist = $wpdb->get_var( "SHOW TABLES LIKE '{$ratings_table}'" ) === $ratings_table; // expect: dynamic
    $thumbs_up = $thumbs_down = 0;
    if ( $ratings_exist ) {
        $thumbs_up   = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$ratings_table} WHERE rating = 1  AND created_at >= %s", $since ) ); // expect: dynamic
        $thumbs_down = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$ratings_table} WHERE rating = -1 AND created_at >= %s", $since ) ); // expect: dynamic
    }
    $total_ratings = $thumbs_up + $thumbs_down;
    $approval_rate = $total_ratings > 0 ? round( ( $thumbs_up / $total_ratings ) * 100 ) : 0;

    // ── Sessions list ──────────────────────────────────────────────────

    $sessions = $wpdb->get_results( $wpdb->prepare(
        "SELECT session_id, MIN(created_at) AS started, COUNT(*) AS messages, -- expect: dynamic
                MAX(CASE WHEN role = 'lead' THEN 1 ELSE 0 END) AS has_lead
         FROM {$table} WHERE created_at >= %s
         GROUP BY session_id ORDER BY started DESC LIMIT 200", $since
    ) );

    $base_url        = home_url( '/ace-dashboard/' );
    return array( $frustrated, $sessions, $approval_rate, $base_url );
}
