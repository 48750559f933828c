// Source: constructed for dbooster (not an excerpt): handlers calling the wrappers of
// go/crossfile_store.go with lower-case SQL; notify is no wrapper, so its text stays a decoy.
// Classes: wrappers (cross-file), decoys.

package store

type Handler struct{ store *Store }

func (h *Handler) notify(message string) {}

func (h *Handler) listNames() error {
	rows, err := h.store.RunQuery("select name from projects") // expect: static
	if err != nil {
		return err
	}
	defer rows.Close()
	h.notify("delete from your list")
	return h.store.ExecStatement("truncate table audit_log") // expect: static
}
