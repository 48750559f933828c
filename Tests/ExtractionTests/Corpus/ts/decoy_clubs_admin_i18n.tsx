// Source: karaoke/club booking admin (React + react-toastify), pages/.../ClubsManagement.tsx
//   (find_string "deleteSelected: 'Delete selected" -> read_file index id 36350541006; the index gave no
//   repository name).
// Classes: decoy-only (no label: any finding here is a false positive). Localised UI texts in a vi/en
//   object ('Delete Multiple Clubs', `Are you sure you want to delete ${count} selected clubs?`,
//   'Clubs to be deleted:', `Deleting ${count} clubs...`, 'Delete Selected',
//   `Successfully deleted ${count} clubs`, 'This action cannot be undone. Data will be permanently removed
//   from the system.'); i18n keys `t('common.update')`, `t('pages.games.deleteSuccess')`; toast texts built
//   with `+` (`t('common.update') + ' ' + t('common.success')`) and a template with `/`;
//   REST service calls named like SQL verbs (`clubService.deleteClub`, `updateClub`, `deleteClubs`,
//   `getClubs(page, pageSize)`); handlers `handleSelectAll`, `handleDeleteConfirm`; enum values 'KARAOKE';
//   `Set.delete`; comments ("Call API to update club", "Bulk Selection Handlers").
// Adaptations: excerpt of the first ~250 lines of a 29k-character component: handleOpenModal,
//   handleCloseModal and handleInputChange (and the `handleCloseModal();` call in handleSubmit), the
//   lucide-react import and the whole JSX returned by the component were dropped; the component is closed
//   with `return null;` and `export default` (both added). Otherwise verbatim.
import { useState, useEffect } from 'react';
import { toast } from 'react-toastify';
import { useLanguage } from '../../../contexts/LanguageContext';
import { clubService, CreateClubRequest, Club } from '../../../services/clubService';

const ClubsManagement = () => {
  const { t, language } = useLanguage();
  // Localized labels for this page
  const labels = language === 'vi' ? {
    bulkDeleteTitle: 'Xóa nhiều Club',
    bulkDeleteWarning: 'Hành động này không thể hoàn tác. Dữ liệu sẽ bị xóa vĩnh viễn khỏi hệ thống.',
    bulkDeleteConfirm: (count: number) => `Bạn có chắc chắn muốn xóa ${count} club đã chọn?`,
    bulkDeleteList: 'Danh sách sẽ bị xóa:',
    bulkDeleting: (count: number) => `Đang xóa ${count} club...`,
    bulkDeleteBtn: (count: number) => `Xóa ${count} club`,
    deleteSelected: 'Xóa đã chọn',
    bulkDeleteSuccess: (count: number) => `Đã xóa thành công ${count} club`,
    deleteFailed: 'Xóa thất bại. Vui lòng thử lại.',
  } : {
    bulkDeleteTitle: 'Delete Multiple Clubs',
    bulkDeleteWarning: 'This action cannot be undone. Data will be permanently removed from the system.',
    bulkDeleteConfirm: (count: number) => `Are you sure you want to delete ${count} selected clubs?`,
    bulkDeleteList: 'Clubs to be deleted:',
    bulkDeleting: (count: number) => `Deleting ${count} clubs...`,
    bulkDeleteBtn: (count: number) => `Delete ${count} clubs`,
    deleteSelected: 'Delete Selected',
    bulkDeleteSuccess: (count: number) => `Successfully deleted ${count} clubs`,
    deleteFailed: 'Deletion failed. Please try again.',
  };

  const [clubs, setClubs] = useState<Club[]>([]);
  const [isModalOpen, setIsModalOpen] = useState(false);
  const [isEditMode, setIsEditMode] = useState(false);
  const [editingClubId, setEditingClubId] = useState<string | null>(null);
  const [isDeleteModalOpen, setIsDeleteModalOpen] = useState(false);
  const [clubToDelete, setClubToDelete] = useState<{ id: string; name: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const [fetching, setFetching] = useState(true);
  const [deletingId, setDeletingId] = useState<string | null>(null);

  // Bulk Selection States
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [isBulkDeleteModalOpen, setIsBulkDeleteModalOpen] = useState(false);
  const [bulkDeleting, setBulkDeleting] = useState(false);

  const [currentPage, setCurrentPage] = useState<number>(1);
  const [pageSize] = useState<number>(7);
  const [, setTotalItems] = useState<number>(0);
  const [formData, setFormData] = useState<CreateClubRequest>({
    name: 'Karaoke VIP 201',
    type: 'KARAOKE',
    address: '123 Main Street, Ho Chi Minh City',
    phone: '+84901234567',
    email: 'contact@kaka.club',
    description: 'Premium karaoke club with modern facilities',
  });

  // Fetch clubs on component mount
  useEffect(() => {
    fetchClubs(1);
  }, []);

  const fetchClubs = async (page: number) => {
    setFetching(true);
    try {
      const { clubs: items, page: apiPage, total } = await clubService.getClubs(page, pageSize);
      setClubs(items);
      setCurrentPage(apiPage);
      setTotalItems(total);
    } catch (error: any) {
      toast.error(error.message || t('common.error'));
    } finally {
      setFetching(false);
    }
  };

  const handleSubmit = async (e: React.FormEvent) => {
    e.preventDefault();

    // Validate required fields
    if (!formData.name.trim() || !formData.type.trim() || !formData.address.trim() || !formData.phone.trim() || !formData.email.trim()) {
      toast.error(t('common.pleaseFillAllFields'));
      return;
    }

    // Email validation
    const emailRegex = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    if (!emailRegex.test(formData.email)) {
      toast.error('Email không hợp lệ');
      return;
    }

    setLoading(true);
    try {
      if (isEditMode && editingClubId) {
        // Call API to update club
        await clubService.updateClub(editingClubId, {
          name: formData.name,
          type: formData.type,
          address: formData.address,
          phone: formData.phone,
          email: formData.email,
          description: formData.description,
        });
        toast.success(t('common.update') + ' ' + t('common.success'));
      } else {
        // Call API to create club
        await clubService.createClub({
          name: formData.name,
          type: formData.type,
          address: formData.address,
          phone: formData.phone,
          email: formData.email,
          description: formData.description,
        });
        toast.success(t('pages.games.createSuccess') || 'Tạo Club thành công');
      }

      await fetchClubs(currentPage);
    } catch (error: any) {
      toast.error(error.message || (isEditMode ? 'Cập nhật Club thất bại' : 'Tạo Club thất bại'));
    } finally {
      setLoading(false);
    }
  };

  const handleDeleteClick = (clubId: string, clubName: string) => {
    setClubToDelete({ id: clubId, name: clubName });
    setIsDeleteModalOpen(true);
  };

  const handleDeleteConfirm = async () => {
    if (!clubToDelete) return;

    setDeletingId(clubToDelete.id);
    try {
      await clubService.deleteClub(clubToDelete.id);
      toast.success(t('pages.games.deleteSuccess') || 'Xóa Club thành công');
      setIsDeleteModalOpen(false);
      setClubToDelete(null);
      await fetchClubs(currentPage);
    } catch (error: any) {
      toast.error(error.message || t('pages.games.deleteFailed') || 'Xóa Club thất bại');
    } finally {
      setDeletingId(null);
    }
  };

  const handleDeleteCancel = () => {
    setIsDeleteModalOpen(false);
    setClubToDelete(null);
  };

  // ── Bulk Selection Handlers ──
  const handleToggleSelect = (id: string) => {
    setSelectedIds(prev => {
      const next = new Set(prev);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });
  };

  const handleSelectAll = () => {
    if (selectedIds.size === clubs.length) {
      setSelectedIds(new Set());
    } else {
      setSelectedIds(new Set(clubs.map(club => String(club.id))));
    }
  };

  const handleBulkDeleteClick = () => {
    if (selectedIds.size === 0) return;
    setIsBulkDeleteModalOpen(true);
  };

  const handleBulkDeleteConfirm = async () => {
    if (selectedIds.size === 0) return;
    setBulkDeleting(true);
    try {
      const bulkResult = await clubService.deleteClubs(Array.from(selectedIds));
      if (bulkResult.failedCount === 0) {
        toast.success(labels.bulkDeleteSuccess(bulkResult.successCount));
      } else {
        toast.warning(
          `Xóa thành công ${bulkResult.successCount}/${bulkResult.successCount + bulkResult.failedCount} club. ${bulkResult.failedCount} xóa thất bại.`
        );
      }
      setSelectedIds(new Set());
      setIsBulkDeleteModalOpen(false);
      await fetchClubs(currentPage);
    } catch (error: any) {
      toast.error(error.message || labels.deleteFailed);
    } finally {
      setBulkDeleting(false);
    }
  };

  const handleBulkDeleteCancel = () => {
    setIsBulkDeleteModalOpen(false);
  };

  const isAllSelected = clubs.length > 0 && selectedIds.size === clubs.length;
  const isSomeSelected = selectedIds.size > 0 && selectedIds.size < clubs.length;

  return null;
};

export default ClubsManagement;
