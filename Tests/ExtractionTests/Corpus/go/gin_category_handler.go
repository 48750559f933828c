// Source: find_string / read_file index id 49239411793 (a Gin handler of the "finspeed" API,
// package handlers, finspeed/api/internal/handlers; repository name not returned).
// Classes: search filter appended as a condition to a slice ($n numbered in code: fragment),
// " WHERE " + strings.Join(...) kept in a variable and added to the list and count statements
// (fragment), `+=` ORDER BY / LIMIT $n / OFFSET $n pagination (pieces, unlabelled), UPDATE ... SET
// built from the changed fields with `query +=` (dynamic, pieces unlabelled), Go raw-string
// statements (expect-next), decoys (logger and JSON error texts).
// Adaptations (to shorten; no SQL changed): the three request/response struct types were dropped
// (Category kept) and the CategoriesResponse literal became a gin.H; in Create/Update/Delete the
// request parsing (ShouldBindJSON, ParseInt of the :id param) was replaced by function parameters
// (name, slug, parentID, id), and the rows-affected checks after Exec by `_ = result`. SQL code and
// statement-building lines verbatim.
package handlers

import (
	"database/sql"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"finspeed/api/internal/database"
)

type CategoryHandler struct {
	db     *database.DB
	logger *zap.Logger
}

type Category struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	ParentID *int64 `json:"parent_id,omitempty"`
}

// GetCategories handles GET /api/v1/categories
func (h *CategoryHandler) GetCategories(c *gin.Context) {
	page, _ := strconv.Atoi(c.DefaultQuery("page", "1"))
	limit, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
	search := c.Query("search")

	if page < 1 {
		page = 1
	}
	if limit < 1 || limit > 100 {
		limit = 20
	}

	offset := (page - 1) * limit

	baseQuery := "SELECT id, name, slug, parent_id FROM categories" // expect: dynamic
	countQuery := "SELECT COUNT(*) FROM categories" // expect: dynamic
	args := []interface{}{}
	whereClauses := []string{}
	argCount := 1

	if search != "" {
		whereClauses = append(whereClauses, "(name ILIKE $" + strconv.Itoa(argCount) + " OR slug ILIKE $" + strconv.Itoa(argCount) + ")") // expect: fragment
		args = append(args, "%"+search+"%")
		argCount++
	}

	if len(whereClauses) > 0 {
		whereStatement := " WHERE " + strings.Join(whereClauses, " AND ") // expect: fragment
		baseQuery += whereStatement
		countQuery += whereStatement
	}

	var total int
	if err := h.db.QueryRow(countQuery, args...).Scan(&total); err != nil {
		h.logger.Error("Failed to get categories count", zap.Error(err))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "Failed to fetch categories"})
		return
	}

	baseQuery += " ORDER BY name ASC LIMIT $" + strconv.Itoa(argCount) + " OFFSET $" + strconv.Itoa(argCount+1)
	args = append(args, limit, offset)

	rows, err := h.db.Query(baseQuery, args...)
	if err != nil {
		h.logger.Error("Failed to fetch categories", zap.Error(err))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "Failed to fetch categories"})
		return
	}
	defer rows.Close()

	var categories []Category
	for rows.Next() {
		var cat Category
		err := rows.Scan(&cat.ID, &cat.Name, &cat.Slug, &cat.ParentID)
		if err != nil {
			h.logger.Error("Failed to scan category", zap.Error(err))
			continue
		}
		categories = append(categories, cat)
	}

	c.JSON(http.StatusOK, gin.H{"categories": categories, "total": total, "page": page, "limit": limit})
}

// GetCategory handles GET /api/v1/categories/:slug
func (h *CategoryHandler) GetCategory(c *gin.Context) {
	slug := c.Param("slug")
	if slug == "" {
		c.JSON(http.StatusBadRequest, gin.H{"error": "Category slug is required"})
		return
	}

	var cat Category // expect-next: static
	query := `
		SELECT id, name, slug, parent_id
		FROM categories
		WHERE slug = $1
	`

	err := h.db.QueryRow(query, slug).Scan(&cat.ID, &cat.Name, &cat.Slug, &cat.ParentID)
	if err != nil {
		if err == sql.ErrNoRows {
			c.JSON(http.StatusNotFound, gin.H{"error": "Category not found"})
			return
		}
		h.logger.Error("Failed to fetch category", zap.String("slug", slug), zap.Error(err))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "Failed to fetch category"})
		return
	}

	c.JSON(http.StatusOK, cat)
}

// CreateCategory handles POST /api/v1/admin/categories
func (h *CategoryHandler) CreateCategory(c *gin.Context, name, slug string, parentID *int64) {
	var categoryID int64 // expect-next: static
	query := `
		INSERT INTO categories (name, slug, parent_id)
		VALUES ($1, $2, $3)
		RETURNING id
	`

	err := h.db.QueryRow(query, name, slug, parentID).Scan(&categoryID)
	if err != nil {
		h.logger.Error("Failed to create category", zap.Error(err))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "Failed to create category"})
		return
	}

	h.logger.Info("Category created successfully", zap.Int64("category_id", categoryID))
	c.JSON(http.StatusCreated, Category{ID: categoryID, Name: name, Slug: slug, ParentID: parentID})
}

// UpdateCategory handles PUT /api/v1/admin/categories/:id
func (h *CategoryHandler) UpdateCategory(c *gin.Context, id int64, name, slug *string, parentID *int64) {
	query := "UPDATE categories SET " // expect: dynamic
	args := []interface{}{}
	argId := 1

	if name != nil {
		query += "name = $" + strconv.Itoa(argId) + ", "
		args = append(args, *name)
		argId++
	}
	if slug != nil {
		query += "slug = $" + strconv.Itoa(argId) + ", "
		args = append(args, *slug)
		argId++
	}
	if parentID != nil {
		query += "parent_id = $" + strconv.Itoa(argId) + ", "
		args = append(args, *parentID)
		argId++
	}

	if len(args) == 0 {
		c.JSON(http.StatusBadRequest, gin.H{"error": "No fields to update"})
		return
	}

	query = query[:len(query)-2] // Remove trailing comma and space
	query += " WHERE id = $" + strconv.Itoa(argId)
	args = append(args, id)

	result, err := h.db.Exec(query, args...)
	if err != nil {
		h.logger.Error("Failed to update category", zap.Error(err))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "Failed to update category"})
		return
	}
	_ = result
	h.logger.Info("Category updated successfully", zap.Int64("category_id", id))
	c.JSON(http.StatusOK, gin.H{"message": "Category updated successfully"})
}

// DeleteCategory handles DELETE /api/v1/admin/categories/:id
func (h *CategoryHandler) DeleteCategory(c *gin.Context, id int64) {
	query := "DELETE FROM categories WHERE id = $1" // expect: static
	result, err := h.db.Exec(query, id)
	if err != nil {
		h.logger.Error("Failed to delete category", zap.Error(err))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "Failed to delete category"})
		return
	}
	_ = result
	c.JSON(http.StatusOK, gin.H{"message": "Category deleted successfully"})
}
