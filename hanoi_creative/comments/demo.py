"""Demo comments: a few approved in each language, a newsroom reply, and one awaiting moderation."""

from datetime import timedelta

from django.utils import timezone

from . import guards
from .models import Comment, CommentSettings, Status

BLOCKED_WORDS = "\n".join(
    [
        "casino",
        "cá cược",
        "cá độ",
        "lô đề",
        "đánh bạc",
        "vay tiền nhanh",
        "viagra",
    ]
)

# (language, name, e-mail, text, status, reply from the newsroom)
COMMENTS = [
    (
        "vi",
        "Nguyễn Minh Anh",
        "minhanh@example.com",
        "Rất vui khi thấy Hà Nội được ghi nhận là Thành phố sáng tạo trong lĩnh vực Thiết kế. "
        "Mong các làng nghề truyền thống được giới thiệu nhiều hơn.",
        Status.APPROVED,
        "Cảm ơn bạn. Ban biên tập sẽ có loạt bài về các làng nghề truyền thống trong thời gian tới.",
    ),
    (
        "vi",
        "Trần Quốc Bảo",
        "quocbao@example.com",
        "Không gian sáng tạo ở khu phố cổ cuối tuần rất đông vui.\n"
        "Hy vọng sẽ có thêm hoạt động cho thiếu nhi.",
        Status.APPROVED,
        "",
    ),
    (
        "en",
        "Emma Clarke",
        "emma.clarke@example.com",
        "Great to read this in English. Is there a map of the creative hubs for visitors?",
        Status.APPROVED,
        "Thank you. A map of the creative hubs is being prepared and will be published on this site.",
    ),
    (
        "en",
        "Daniel Park",
        "daniel.park@example.com",
        "The design week was the highlight of my trip to Hanoi.",
        Status.APPROVED,
        "",
    ),
    (
        "vi",
        "Lê Thu Hà",
        "thuha@example.com",
        "Xin hỏi chương trình có mở đăng ký cho sinh viên thiết kế không?",
        Status.PENDING,
        "",
    ),
]

NEWSROOM_NAME = {"vi": "Tòa soạn", "en": "Newsroom"}


def load(log=print):
    from django.apps import apps

    from hanoi_creative.core.visibility import visible

    settings = CommentSettings.load()
    if not settings.blocked_words:
        settings.blocked_words = BLOCKED_WORDS
        settings.save()
    articles = apps.get_model("news", "ArticlePage").objects.all()
    article = visible(articles, "en").order_by("-publication_date", "-pk").first()
    if article is None:
        log("Comments: no article, nothing done.")
        return
    created = 0
    start = timezone.now() - timedelta(hours=len(COMMENTS) + 2)
    for number, (language, name, email, text, status, reply) in enumerate(COMMENTS):
        fingerprint = guards.fingerprint(text)
        if Comment.objects.filter(article=article, fingerprint=fingerprint).exists():
            continue
        comment = Comment.objects.create(
            article=article,
            language=language,
            name=name,
            email=email,
            body=text,
            status=status,
            fingerprint=fingerprint,
            created_at=start + timedelta(hours=number),
            moderated_at=start + timedelta(hours=number, minutes=30) if status == Status.APPROVED else None,
        )
        created += 1
        if reply:
            Comment.objects.create(
                article=article,
                language=language,
                parent=comment,
                name=NEWSROOM_NAME[language],
                body=reply,
                status=Status.APPROVED,
                by_newsroom=True,
                fingerprint=guards.fingerprint(reply),
                created_at=start + timedelta(hours=number, minutes=45),
            )
    log(f"Comments: {created} created on “{article.title_vi}”.")
