/**
 * Generated sample content for the stories that need more than the seed page shows (one
 * article, three categories, two banners). It reads like a Vietnamese provincial portal,
 * never lorem ipsum, and every generated item says it is a sample: its title ends in
 * `(mẫu)` ("sample") and its address starts with `/mau/`.
 */
import type { Article, Banner, Category, Image } from '@portico/core';

/** What marks generated content: "sample". */
export const SAMPLE_MARK = '(mẫu)';

/** A generated text, marked as a sample. */
export function sample(text: string): string {
  return `${text} ${SAMPLE_MARK}`;
}

/** A made-up address under `/mau/` (sample). */
function sampleUrl(slug: string): string {
  return `/mau/${slug}`;
}

/** Very long Vietnamese texts, for wrapping and overflow in narrow columns. */
export const LONG_VIETNAMESE = {
  heading: sample('Số lượt truy cập cổng thông tin điện tử Đảng bộ tỉnh An Giang từ ngày khai trương đến nay'),
  title: sample(
    'Ban Thường vụ Tỉnh ủy An Giang tổ chức hội nghị sơ kết công tác xây dựng Đảng, xây dựng hệ thống chính trị, ' +
      'phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh sáu tháng đầu năm và triển khai nhiệm vụ trọng tâm ' +
      'sáu tháng cuối năm 2020 gắn với công tác chuẩn bị Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025',
  ),
  lead:
    'Sáng ngày 24/8/2020, tại Hội trường Tỉnh ủy, Ban Thường vụ Tỉnh ủy An Giang tổ chức hội nghị trực tuyến đến ' +
    '11 điểm cầu huyện, thị xã, thành phố để sơ kết tình hình thực hiện nhiệm vụ chính trị sáu tháng đầu năm, ' +
    'đánh giá kết quả lãnh đạo, chỉ đạo phòng, chống dịch bệnh Covid-19, khắc phục hậu quả hạn hán, xâm nhập mặn ' +
    'mùa khô 2019 - 2020 và thống nhất các giải pháp trọng tâm, đột phá cho những tháng cuối năm, tạo tiền đề ' +
    'vững chắc cho việc tổ chức thành công Đại hội đại biểu Đảng bộ tỉnh lần thứ XI. (Nội dung mẫu.)',
  category: sample('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong cán bộ, đảng viên'),
  banner: sample('Cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam" giai đoạn 2020 - 2025 trên địa bàn tỉnh'),
  memberName: sample('Nguyễn Thị Phương Thảo - Văn phòng Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh'),
  /** Five authors of one article, from a short pen name to a department's full name. */
  authors: [
    'Tôn Nữ Thị Ngọc Bích Trâm',
    'Thanh Hùng',
    'Huỳnh Lê Hoàng Minh Khôi',
    'Nguyễn Thị Phương Thảo',
    sample('Phòng Thông tin - Tuyên truyền, Văn phòng Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh'),
  ],
} as const;

const PALETTE = ['#0a58a8', '#8a4b00', '#1f6f43', '#7a2e8f', '#a8323e', '#00606b'] as const;

/**
 * A sample image (an SVG data URL, so it works offline and in the static build): a coloured
 * panel with a caption, of the given intrinsic size.
 */
export function sampleImage(caption: string, width = 640, height = 360, index = 0): Image {
  const colour = PALETTE[index % PALETTE.length] ?? PALETTE[0];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}">` +
    `<rect width="100%" height="100%" fill="${colour}"/>` +
    `<circle cx="${String(width * 0.82)}" cy="${String(height * 0.3)}" r="${String(height * 0.18)}" fill="#ffffff" opacity="0.25"/>` +
    `<text x="50%" y="55%" fill="#ffffff" font-family="sans-serif" font-size="${String(Math.round(Math.min(height / 5, width / 14)))}" text-anchor="middle">Ảnh minh họa ${SAMPLE_MARK}</text>` +
    '</svg>';
  return { src: `data:image/svg+xml,${encodeURIComponent(svg)}`, alt: caption, width, height };
}

/**
 * The sample panel as a PNG data URL, for custom HTML: the sanitizer keeps an inline PNG but
 * never an SVG (a document of its own). Drawn on a canvas, so in the browser only.
 */
export function samplePngSource(width: number, height: number, index = 0): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = PALETTE[index % PALETTE.length] ?? PALETTE[0];
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#ffffff';
    context.font = `${String(Math.round(Math.min(height / 5, width / 14)))}px sans-serif`;
    context.textAlign = 'center';
    context.fillText(`Ảnh minh họa ${SAMPLE_MARK}`, width / 2, height * 0.6);
  }
  return canvas.toDataURL('image/png');
}

/** Places and events of An Giang, for generated article titles. */
const ARTICLE_TOPICS: readonly [string, string, string][] = [
  [
    'Châu Đốc',
    'Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2020',
    'Ban Dân vận Thành ủy Châu Đốc sơ kết công tác dân vận 6 tháng đầu năm, biểu dương 12 mô hình "Dân vận khéo" tiêu biểu.',
  ],
  [
    'Tân Châu',
    'Ra mắt tổ tự quản bảo vệ an ninh trật tự khu dân cư',
    'Thị xã Tân Châu ra mắt 24 tổ tự quản, thu hút hơn 300 hộ dân tham gia giữ gìn an ninh trật tự tại địa bàn.',
  ],
  [
    'Chợ Mới',
    'Đại hội đại biểu Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020 - 2025',
    'Đại hội bầu 45 đồng chí vào Ban Chấp hành Đảng bộ huyện và thông qua nghị quyết với 18 chỉ tiêu chủ yếu.',
  ],
  [
    'Tri Tôn',
    'Trao 50 căn nhà Đại đoàn kết cho hộ nghèo đồng bào dân tộc Khmer',
    'Ủy ban Mặt trận Tổ quốc huyện Tri Tôn bàn giao 50 căn nhà Đại đoàn kết trước mùa mưa lũ.',
  ],
  [
    'Long Xuyên',
    'Tọa đàm kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng',
    'Các đại biểu ôn lại chặng đường 90 năm xây dựng và trưởng thành của công tác dân vận.',
  ],
  [
    'An Phú',
    'Ra quân tuyên truyền phòng, chống dịch Covid-19 tại các xã biên giới',
    'Lực lượng đoàn viên thanh niên và dân quân phối hợp tuyên truyền đến từng hộ dân dọc tuyến biên giới.',
  ],
  [
    'Thoại Sơn',
    'Tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở năm 2020',
    'Hơn 120 cán bộ làm công tác dân vận ở 17 xã, thị trấn được bồi dưỡng kỹ năng tiếp xúc, đối thoại với Nhân dân.',
  ],
  [
    'Châu Phú',
    'Nông dân chung tay xây dựng nông thôn mới kiểu mẫu',
    'Nhiều hộ nông dân hiến đất, góp công làm đường giao thông nông thôn, góp phần hoàn thành tiêu chí nông thôn mới.',
  ],
];

const AUTHORS = ['Thanh Hùng', 'Ngọc Anh', 'Minh Hiển', 'Hữu Huệ', 'Kim Ngân', 'Phước Lộc'] as const;

/**
 * `count` generated articles, newest first (from 24/8/2020 back), every third without an
 * image, with view counts from many to none.
 */
export function sampleArticles(count: number): Article[] {
  return Array.from({ length: count }, (_, index): Article => {
    const [place, event, lead] = ARTICLE_TOPICS[index % ARTICLE_TOPICS.length] ?? ARTICLE_TOPICS[0] ?? ['', '', ''];
    const round = Math.floor(index / ARTICLE_TOPICS.length);
    const title = sample(`${place}: ${event}${round ? ` (đợt ${String(round + 1)})` : ''}`);
    const day = new Date(Date.UTC(2020, 7, 24 - index));
    const article: Article = {
      id: `mau-bai-${String(index + 1)}`,
      title,
      url: sampleUrl(`bai-${String(index + 1)}`),
      source: 'TUAG',
      published: day.toISOString().slice(0, 10),
      lead,
      authors: [AUTHORS[index % AUTHORS.length] ?? 'Thanh Hùng'],
      categoryId: 'cong-tac-dan-van-mat-tran',
      views: String(Math.max(0, 24_816 - index * 3_517)),
    };
    if (index % 3 !== 2) article.image = sampleImage(`Quang cảnh sự kiện tại ${place} ${SAMPLE_MARK}`, 640, 360, index);
    return article;
  });
}

/** A sample article with every field: the seed article's kind of content, marked as a sample. */
export function sampleFullArticle(): Article {
  return {
    id: 'mau-bai-day-du',
    title: sample('Châu Đốc: Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2020'),
    url: sampleUrl('bai-day-du'),
    source: 'TUAG',
    published: '2020-07-15',
    lead: 'Ngày 15/7/2020, Ban Dân vận Thành ủy Châu Đốc tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2020.',
    body:
      '<p>Theo báo cáo, 6 tháng đầu năm, Ban Dân vận các cấp đã tham mưu cấp ủy lãnh đạo, chỉ đạo thực hiện tốt ' +
      'công tác dân vận trong phòng, chống dịch bệnh Covid-19 và hỗ trợ người dân gặp khó khăn.</p>' +
      '<h2>Nhiều mô hình hay</h2>' +
      '<p>Toàn thành phố có 12 mô hình <strong>"Dân vận khéo"</strong> được công nhận, tiêu biểu là mô hình ' +
      '<a href="/mau/dan-van-kheo">"Tổ hòa giải ở cơ sở"</a> tại phường Núi Sam.</p>' +
      '<ul><li>Vận động hiến đất làm đường: 3,2 km.</li><li>Hỗ trợ 540 hộ khó khăn do dịch bệnh.</li></ul>' +
      '<p>(Nội dung mẫu, không phải tin thật.)</p>',
    authors: ['Thanh Hùng', 'Ngọc Anh'],
    categoryId: 'cong-tac-dan-van-mat-tran',
    image: sampleImage(`Quang cảnh hội nghị ${SAMPLE_MARK}`, 960, 540, 0),
    views: '1234',
  };
}

/** A sample category. */
function category(slug: string, title: string, count: number, children?: Category[]): Category {
  return { id: `mau-${slug}`, title: sample(title), url: sampleUrl(slug), count, ...(children ? { children } : {}) };
}

/**
 * A provincial portal's category tree around the seed's three categories: twelve top-level
 * categories, some with subcategories two levels deep, with article counts.
 */
export function sampleCategoryTree(seedCategories: readonly Category[]): Category[] {
  const [danVan, daiHoi, giaiPhong] = seedCategories.map((item) => ({ ...item }));
  if (danVan) {
    danVan.count = 128;
    danVan.children = [
      category('dan-van-kheo', 'Dân vận khéo', 42),
      category('mat-tran-to-quoc', 'Mặt trận Tổ quốc', 37, [
        category('cuoc-van-dong', 'Các cuộc vận động', 15),
        category('giam-sat-phan-bien', 'Giám sát và phản biện xã hội', 9),
      ]),
      category('doan-the', 'Đoàn thể chính trị - xã hội', 49),
    ];
  }
  if (daiHoi) daiHoi.count = 64;
  if (giaiPhong) giaiPhong.count = 1;
  return [
    category('tin-tuc-su-kien', 'Tin tức - Sự kiện', 2_841, [
      category('tin-trong-tinh', 'Tin trong tỉnh', 1_902),
      category('tin-trong-nuoc', 'Tin trong nước', 655),
      category('tin-quoc-te', 'Tin quốc tế', 284),
    ]),
    category('xay-dung-dang', 'Xây dựng Đảng', 933, [
      category('to-chuc-can-bo', 'Tổ chức - Cán bộ', 310),
      category('kiem-tra-giam-sat', 'Kiểm tra - Giám sát', 201),
      category('tuyen-giao', 'Tuyên giáo', 422),
    ]),
    ...(danVan ? [danVan] : []),
    ...(daiHoi ? [daiHoi] : []),
    ...(giaiPhong ? [giaiPhong] : []),
    category('hoc-tap-lam-theo-bac', 'Học tập và làm theo Bác', 176),
    category('quoc-phong-an-ninh', 'Quốc phòng - An ninh', 219),
    category('kinh-te', 'Kinh tế', 512),
    category('van-hoa-xa-hoi', 'Văn hóa - Xã hội', 488),
    category('van-ban', 'Văn bản - Tài liệu', 95),
    category('hoi-dap', 'Hỏi đáp', 0),
  ];
}

/** Sample banners of the `sidebar` position: images, text links, custom HTML, one pinned. */
export function sampleBanners(): Banner[] {
  return [
    {
      id: 'mau-dich-vu-cong',
      title: sample('Cổng dịch vụ công quốc gia'),
      url: 'https://dichvucong.gov.vn/',
      newWindow: true,
      image: sampleImage(sample('Cổng dịch vụ công quốc gia'), 240, 80, 0),
      position: 'sidebar',
      ordering: 1,
    },
    {
      id: 'mau-hoc-tap-lam-theo-bac',
      title: sample('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'),
      url: sampleUrl('hoc-tap-lam-theo-bac'),
      image: sampleImage(sample('Học tập và làm theo Bác'), 240, 80, 3),
      position: 'sidebar',
      ordering: 2,
    },
    {
      id: 'mau-phong-chong-dich',
      title: sample('Phòng, chống dịch Covid-19'),
      url: sampleUrl('phong-chong-dich'),
      image: sampleImage(sample('Phòng, chống dịch Covid-19'), 240, 80, 4),
      position: 'sidebar',
      ordering: 3,
    },
    {
      id: 'mau-bao-an-giang',
      title: sample('Báo An Giang điện tử'),
      url: 'https://baoangiang.com.vn/',
      position: 'sidebar',
      ordering: 4,
    },
    {
      id: 'mau-duong-day-nong',
      title: sample('Đường dây nóng tiếp nhận phản ánh'),
      html: '<p><strong>Đường dây nóng</strong> (mẫu): <a href="tel:+842963000000">0296 3 000 000</a></p>',
      position: 'sidebar',
      ordering: 5,
    },
    {
      id: 'mau-van-kien-dai-hoi',
      title: sample('Văn kiện Đại hội Đảng bộ tỉnh lần thứ XI'),
      url: sampleUrl('van-kien-dai-hoi'),
      image: sampleImage(sample('Văn kiện Đại hội'), 240, 80, 5),
      position: 'sidebar',
      pinned: true,
      ordering: 6,
    },
  ];
}

/** Members' display names, as a who-is-online module lists them (samples). */
export const SAMPLE_MEMBER_NAMES: readonly string[] = [
  'Trần Minh Khoa',
  'Lê Thị Hồng',
  'Nguyễn Văn Tâm',
  'Phạm Ngọc Mai',
].map(sample);
