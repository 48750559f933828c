-- Source: public SQL migration, read_file / find_string index id 55885535180
-- ("Phase 2: Additional Query Optimization Functions" of a small-business bookkeeping app on
-- Supabase/PostgreSQL: transactions, expenses, credit, appointments).
-- Classes: CREATE EXTENSION, plpgsql reporting functions `RETURNS TABLE(…) AS $$ … RETURN QUERY
-- WITH … $$` with several CTEs, json_agg/json_build_object, generate_series, DATE_TRUNC,
-- INTERVAL arithmetic, materialized views with GROUP BY, CREATE INDEX on a materialized view
-- (name line and ON line split), REFRESH MATERIALIZED VIEW CONCURRENTLY inside a function body
-- with EXCEPTION WHEN OTHERS; decoys: banner comments naming functions and views.
-- Adaptations: excerpt of a ~520-line file. Kept verbatim: the file header, CREATE EXTENSION,
-- get_business_summary_v2, get_monthly_report_v2, the "Materialized Views" and "Refresh
-- Functions" sections. Left out: get_customer_analytics, get_quick_stats, get_estimated_count,
-- the realtime functions and the GRANT section. Labels: each CREATE OR REPLACE FUNCTION carries
-- a trailing `-- expect:` on its first line, which comes before the `$$` body opens; bodies
-- (RETURN QUERY WITH …, REFRESH …) are part of their function and unlabelled.
-- =====================================================
-- Phase 2: Additional Query Optimization Functions
-- Adds new functions for 50k user scaling
-- =====================================================

-- Enable necessary extensions
CREATE EXTENSION IF NOT EXISTS pg_stat_statements; -- expect: static

-- =====================================================
-- New Functions Only (avoiding conflicts with existing functions)
-- =====================================================

-- Get business summary with all metrics (new function name)
CREATE OR REPLACE FUNCTION get_business_summary_v2(p_business_id UUID) -- expect: static
RETURNS TABLE(
  transactions BIGINT,
  expenses BIGINT,
  outstanding_credit DECIMAL,
  upcoming_appointments BIGINT,
  net_profit DECIMAL,
  total_revenue DECIMAL,
  total_expenses DECIMAL
) AS $$
BEGIN
    RETURN QUERY
    WITH transaction_stats AS (
        SELECT 
            COUNT(*) as total_count,
            COALESCE(SUM(CASE WHEN status = 'completed' THEN amount ELSE 0 END), 0) as revenue
        FROM transactions
        WHERE business_id = p_business_id
        AND DATE_TRUNC('month', transaction_date) = DATE_TRUNC('month', CURRENT_DATE)
    ),
    expense_stats AS (
        SELECT 
            COUNT(*) as total_count,
            COALESCE(SUM(amount), 0) as total_amount
        FROM expenses
        WHERE business_id = p_business_id
        AND DATE_TRUNC('month', expense_date) = DATE_TRUNC('month', CURRENT_DATE)
    ),
    credit_stats AS (
        SELECT COALESCE(SUM(amount - paid_amount), 0) as outstanding
        FROM credit
        WHERE business_id = p_business_id
        AND status IN ('pending', 'partial')
    ),
    appointment_stats AS (
        SELECT COUNT(*) as upcoming_count
        FROM appointments
        WHERE business_id = p_business_id
        AND status = 'pending'
        AND appointment_date >= CURRENT_DATE
        AND appointment_date <= CURRENT_DATE + INTERVAL '30 days'
    )
    SELECT 
        ts.total_count,
        es.total_count,
        cs.outstanding,
        apt.upcoming_count,
        ts.revenue - es.total_amount,
        ts.revenue,
        es.total_amount
    FROM transaction_stats ts, expense_stats es, credit_stats cs, appointment_stats apt;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- Get monthly report data (new function name)
CREATE OR REPLACE FUNCTION get_monthly_report_v2( -- expect: static
    p_business_id UUID,
    p_year INTEGER,
    p_month INTEGER
)
RETURNS TABLE(
  period TEXT,
  transactions BIGINT,
  expenses BIGINT,
  daily_breakdown JSON,
  net_profit DECIMAL
) AS $$
BEGIN
    RETURN QUERY
    WITH monthly_transactions AS (
        SELECT 
            COUNT(*) as total_count,
            COALESCE(SUM(amount), 0) as total_amount,
            DATE(transaction_date) as tx_date
        FROM transactions
        WHERE business_id = p_business_id
        AND EXTRACT(YEAR FROM transaction_date) = p_year
        AND EXTRACT(MONTH FROM transaction_date) = p_month
        AND status = 'completed'
        GROUP BY DATE(transaction_date)
    ),
    monthly_expenses AS (
        SELECT 
            COUNT(*) as total_count,
            COALESCE(SUM(amount), 0) as total_amount,
            DATE(expense_date) as exp_date
        FROM expenses
        WHERE business_id = p_business_id
        AND EXTRACT(YEAR FROM expense_date) = p_year
        AND EXTRACT(MONTH FROM expense_date) = p_month
        GROUP BY DATE(expense_date)
    ),
    daily_breakdown AS (
        SELECT json_agg(
            json_build_object(
                'date', d.date,
                'transactions', COALESCE(tx.total_amount, 0),
                'expenses', COALESCE(exp.total_amount, 0),
                'net_profit', COALESCE(tx.total_amount, 0) - COALESCE(exp.total_amount, 0)
            )
        ) as breakdown
        FROM (
            SELECT generate_series(
                DATE(p_year || '-' || p_month || '-01'),
                DATE_TRUNC('month', DATE(p_year || '-' || p_month || '-01') + INTERVAL '1 month' - INTERVAL '1 day'),
                INTERVAL '1 day'
            )::date as date
        ) d
        LEFT JOIN monthly_transactions tx ON d.date = tx.tx_date
        LEFT JOIN monthly_expenses exp ON d.date = exp.exp_date
    ),
    totals AS (
        SELECT 
            COALESCE(SUM(total_count), 0) as total_transactions,
            COALESCE(SUM(total_amount), 0) as total_revenue
        FROM monthly_transactions
    ),
    expense_totals AS (
        SELECT 
            COALESCE(SUM(total_count), 0) as total_expenses_count,
            COALESCE(SUM(total_amount), 0) as total_expenses_amount
        FROM monthly_expenses
    )
    SELECT 
        p_year || '-' || LPAD(p_month::text, 2, '0'),
        totals.total_transactions,
        expense_totals.total_expenses_count,
        db.breakdown,
        totals.total_revenue - expense_totals.total_expenses_amount
    FROM totals, expense_totals, daily_breakdown db;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- =====================================================
-- Materialized Views for Performance
-- =====================================================

-- Daily transaction summaries materialized view
CREATE MATERIALIZED VIEW IF NOT EXISTS daily_transaction_summaries AS -- expect: static
SELECT 
    business_id,
    DATE(transaction_date) as date,
    COUNT(*) as transaction_count,
    COALESCE(SUM(CASE WHEN status = 'completed' THEN amount ELSE 0 END), 0) as revenue,
    COALESCE(SUM(amount), 0) as total_amount,
    COALESCE(AVG(amount), 0) as avg_amount,
    COUNT(DISTINCT customer_name) as unique_customers
FROM transactions
WHERE status = 'completed'
GROUP BY business_id, DATE(transaction_date);

-- Indexes for materialized view
CREATE INDEX IF NOT EXISTS idx_daily_summaries_business_date -- expect: static
ON daily_transaction_summaries(business_id, date);

-- Monthly business metrics materialized view
CREATE MATERIALIZED VIEW IF NOT EXISTS monthly_business_metrics AS -- expect: static
SELECT 
    business_id,
    EXTRACT(YEAR FROM transaction_date) as year,
    EXTRACT(MONTH FROM transaction_date) as month,
    COUNT(*) as transaction_count,
    COALESCE(SUM(CASE WHEN status = 'completed' THEN amount ELSE 0 END), 0) as revenue,
    COALESCE(SUM(amount), 0) as total_amount,
    COALESCE(AVG(amount), 0) as avg_amount,
    COUNT(DISTINCT customer_name) as unique_customers,
    COUNT(DISTINCT DATE(transaction_date)) as active_days
FROM transactions
WHERE status = 'completed'
GROUP BY business_id, EXTRACT(YEAR FROM transaction_date), EXTRACT(MONTH FROM transaction_date);

-- Indexes for materialized view
CREATE INDEX IF NOT EXISTS idx_monthly_metrics_business_year_month -- expect: static
ON monthly_business_metrics(business_id, year, month);

-- =====================================================
-- Materialized View Refresh Functions
-- =====================================================

-- Refresh daily transaction summaries
CREATE OR REPLACE FUNCTION refresh_daily_transaction_summaries() -- expect: static
RETURNS BOOLEAN AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY daily_transaction_summaries;
    RETURN TRUE;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'Failed to refresh daily_transaction_summaries: %', SQLERRM;
    RETURN FALSE;
END;
$$ LANGUAGE plpgsql;

-- Refresh monthly business metrics
CREATE OR REPLACE FUNCTION refresh_monthly_business_metrics() -- expect: static
RETURNS BOOLEAN AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_business_metrics;
    RETURN TRUE;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'Failed to refresh monthly_business_metrics: %', SQLERRM;
    RETURN FALSE;
END;
$$ LANGUAGE plpgsql;
