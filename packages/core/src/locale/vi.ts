import type { LocaleDefinition } from './catalogue.js';

/**
 * Vietnamese, from the vi-VN Joomla 3 pack the seed portal runs. `\u00A0` is a no-break
 * space. One deliberate change: the pack's GUESTS_0 is `không có khách`, which makes the
 * sentence read `Đang có không có khách…`; we ship `0 khách` (restore the pack's string with
 * `definePhrases('vi', { GUESTS_0: 'không có khách' })`).
 */
export const vi: LocaleDefinition = {
  phrases: {
    ONLINE_TITLE: 'Truy cập hiện tại',
    GUESTS: '%s\u00A0khách',
    GUESTS_1: 'một khách',
    GUESTS_0: '0 khách',
    MEMBERS: '%s\u00A0thành viên',
    MEMBERS_1: 'một thành viên',
    MEMBERS_0: 'không thành viên',
    WE_HAVE: 'Đang có %1$s và %2$s đang online',
    VIEW_HITS_TITLE: 'Số lần xem các bài viết',
    ARTICLE_HITS: 'Lượt xem: %s',
    WRITTEN_BY: 'Viết bởi %s',
    READ_MORE: 'Xem thêm: ',
    // Portico's own, for widget states.
    LOADING: 'Đang tải…',
    OUT_OF_DATE: 'Chưa được cập nhật',
    UNAVAILABLE: 'Chưa có số liệu',
    MEMBERS_ONLINE: 'Thành viên đang online',
    EMPTY: 'Chưa có nội dung',
    CONTENT_UNAVAILABLE: 'Không tải được nội dung',
    CONTENT_NOT_FOUND: 'Không tìm thấy nội dung này',
    CATEGORIES: 'Chuyên mục',
    MENU: 'Danh mục',
    SUBCATEGORIES_OF: '%s: chuyên mục con',
    ARTICLES: '%s\u00A0bài viết',
    ARTICLES_1: 'một bài viết',
    ARTICLES_0: 'chưa có bài viết',
    PUBLISHED_ON: 'Ngày đăng: %s',
    READING_TIME: '%s phút đọc',
    OPENS_NEW_TAB: '(mở trong thẻ mới)',
    FEATURED_LINKS: 'Liên kết nổi bật',
    PREVIOUS: 'Trang chiếu trước',
    NEXT: 'Trang chiếu sau',
    PAUSE_ROTATION: 'Tạm dừng',
    START_ROTATION: 'Bắt đầu trình chiếu',
    SLIDE_OF: '%1$s trên %2$s',
    CAROUSEL: 'trình chiếu',
    SLIDE: 'trang chiếu',
  },
  // Numeric day/month/year prints 25/8/2020, as Vietnamese portals do; `dateStyle: 'short'`
  // would print 25/8/20.
  dateFormat: { year: 'numeric', month: 'numeric', day: 'numeric' },
  // A comma list with no "và", as the seed's byline `Thúy Vân, Bá Siêu`.
  authorList: { type: 'unit', style: 'short' },
};
