"""Models: the forum (learning questions, experiences, answers, follows, notifications)."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from ..files import private_storage

__all__ = [
    "Answer",
    "Comment",
    "DigestFrequency",
    "Follow",
    "ForumPreference",
    "HelpfulVote",
    "ModerationLog",
    "Notification",
    "Post",
    "PostImage",
    "PostKind",
    "Report",
    "TaggedPost",
]


class PostKind(models.TextChoices):
    QUESTION = "question", _("Learning question")
    EXPERIENCE = "experience", _("Experience")


class PostQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user):
        """Members see what is not hidden, plus their own; moderators see everything."""
        from ..permissions import is_forum_member, is_moderator

        if not is_forum_member(user):
            return self.none()
        if is_moderator(user):
            return self
        return self.filter(Q(is_hidden=False) | Q(author=user))

    def listed(self):
        return self.filter(duplicate_of__isnull=True)


class TaggedPost(TaggedItemBase):
    content_object = models.ForeignKey("community.Post", on_delete=models.CASCADE, related_name="tagged_items")


class Post(index.Indexed, models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=PostKind.choices, default=PostKind.QUESTION)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_posts", verbose_name=_("author")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Sanitised HTML."))
    # The Markdown the author wrote (empty for posts from before Markdown: their body is the source).
    body_source = models.TextField(_("text as written"), blank=True)
    # Dutch search (see community.dutch_search): forms of title and tags, and of everything.
    search_title = models.TextField(blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    # Kept by a PostgreSQL trigger; NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    tags = TaggableManager(through=TaggedPost, blank=True, verbose_name=_("tags"))
    profiles = models.ManyToManyField(
        "community.VmboProfile", blank=True, related_name="forum_posts", verbose_name=_("vmbo profiles")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    # Counters kept by the services, so lists sort and filter without aggregating.
    answer_count = models.PositiveIntegerField(default=0)
    helpful_count = models.PositiveIntegerField(default=0)
    is_solved = models.BooleanField(_("solved"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    source_key = models.CharField(max_length=200, null=True, blank=True, unique=True, editable=False)
    # What a question was asked about (a study day, an internship), linked from the question.
    about_url = models.CharField(max_length=300, blank=True, editable=False)
    about_title = models.CharField(max_length=200, blank=True, editable=False)

    objects = PostQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("is_hidden"),
        index.FilterField("duplicate_of"),
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = _("community post")
        verbose_name_plural = _("community posts")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["is_hidden", "kind", "-created_at"]),
            models.Index(fields=["author", "-created_at"]),
            # The list's sort orders, walked with LIMIT instead of sorting every post.
            models.Index(fields=["-created_at", "-id"], name="post_newest"),
            models.Index(fields=["-last_activity_at", "-id"], name="post_active"),
            models.Index(fields=["-helpful_count", "-created_at", "-id"], name="post_helpful"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        if fields is None or {"title", "body"} & set(fields):
            self.fill_search_columns()
            if fields is not None:
                kwargs["update_fields"] = {*fields, "search_title", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("community:forum_post", kwargs={"pk": self.pk})

    def fill_search_columns(self, tag_names=None):
        from ..dutch_search import index_text
        from ..markup import plain_text

        if tag_names is None:
            tag_names = [t.name for t in self.tags.all()] if self.pk else []
        tags = " ".join(tag_names)
        self.search_title = index_text(self.title, tags)
        self.search_text = index_text(self.title, tags, plain_text(self.body))

    def refresh_search(self):
        """After the tags changed (they are saved after the post)."""
        self.fill_search_columns([t.name for t in self.tags.all()])
        Post.objects.filter(pk=self.pk).update(search_title=self.search_title, search_text=self.search_text)

    @property
    def text(self):
        from ..markup import plain_text

        return plain_text(self.body)

    @property
    def is_question(self):
        return self.kind == PostKind.QUESTION


class PostImage(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images", verbose_name=_("post"))
    image = models.FileField(_("image"), upload_to="forum/%Y/%m/", storage=private_storage)
    content_type = models.CharField(max_length=50)
    alt_text = models.CharField(
        _("description"), max_length=250, blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["pk"]

    def __str__(self):
        return self.image.name

    def get_absolute_url(self):
        return reverse("community:forum_image", kwargs={"pk": self.pk})



class AnswerQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user):
        from ..permissions import is_forum_member, is_moderator

        if not is_forum_member(user):
            return self.none()
        if is_moderator(user):
            return self
        return self.filter(Q(is_hidden=False, post__is_hidden=False) | Q(author=user))


class Answer(index.Indexed, models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="answers", verbose_name=_("post"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_answers", verbose_name=_("author")
    )
    body = models.TextField(_("text"))
    body_source = models.TextField(_("text as written"), blank=True)
    search_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    is_solution = models.BooleanField(_("solution"), default=False)
    helpful_count = models.PositiveIntegerField(default=0)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    # True when the answer or its post is hidden: the search index can only filter own columns.
    search_hidden = models.BooleanField(default=False, editable=False)

    objects = AnswerQuerySet.as_manager()

    search_fields = [
        index.SearchField("body"),
        index.FilterField("id"),
        index.FilterField("post"),
        index.FilterField("search_hidden"),
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.post.title} — {self.author}"

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        if fields is None or "body" in fields:
            self.fill_search_columns()
            if fields is not None:
                kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#answer-{self.pk}"

    def fill_search_columns(self):
        """The Dutch search column (PostgreSQL's trigger derives the vector from it); bulk
        inserts, which skip save(), call this themselves."""
        from ..dutch_search import index_text
        from ..markup import plain_text

        self.search_text = index_text(plain_text(self.body))

    @property
    def text(self):
        from ..markup import plain_text

        return plain_text(self.body)


class Comment(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="comments", verbose_name=_("answer"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_comments", verbose_name=_("author")
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:50]


class HelpfulVote(models.Model):
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="votes")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(post__isnull=False, answer__isnull=True) | Q(post__isnull=True, answer__isnull=False)),
                name="forum_vote_one_target",
            ),
            models.UniqueConstraint(fields=["voter", "post"], condition=Q(post__isnull=False), name="forum_vote_post_once"),
            models.UniqueConstraint(
                fields=["voter", "answer"], condition=Q(answer__isnull=False), name="forum_vote_answer_once"
            ),
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.post_id or self.answer_id}"



class FollowKind(models.TextChoices):
    QUESTION = "question", _("Question")
    TAG = "tag", _("Tag")
    PERSON = "person", _("Person")


class Follow(models.Model):
    Kind = FollowKind

    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows")
    kind = models.CharField(max_length=16, choices=FollowKind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="forum_followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "post"], condition=Q(kind="question"), name="forum_follow_post_once"),
            models.UniqueConstraint(fields=["follower", "tag"], condition=Q(kind="tag"), name="forum_follow_tag_once"),
            models.UniqueConstraint(
                fields=["follower", "person"], condition=Q(kind="person"), name="forum_follow_person_once"
            ),
        ]

    def __str__(self):
        return f"{self.follower_id} follows {self.kind}"



class NotificationKind(models.TextChoices):
    NEW_ANSWER = "new_answer", _("New answer")
    NEW_POST_TAG = "new_post_tag", _("New post with a tag you follow")
    NEW_POST_PERSON = "new_post_person", _("New post by someone you follow")
    SOLUTION = "solution", _("Solution marked")
    MODERATED = "moderated", _("Your contribution was hidden by a moderator")
    RESTORED = "restored", _("Your contribution is visible again")


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Own notifications about content the person may still see (hidden content drops out)."""
        from ..permissions import is_moderator

        if not user.is_authenticated:
            return self.none()
        qs = self.filter(recipient=user)
        if is_moderator(user):
            return qs
        return qs.filter(Q(post__is_hidden=False) | Q(post__author=user)).filter(
            Q(answer__isnull=True) | Q(answer__is_hidden=False) | Q(answer__author=user)
        )

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    Kind = NotificationKind

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # A moderator's reason, shown to the author of what was hidden.
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.post_id}"



class DigestFrequency(models.TextChoices):
    NONE = "none", _("No email")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class ForumPreference(models.Model):
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_preference")
    digest = models.CharField(
        _("email digest"), max_length=8, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY,
        help_text=_("A summary of your unread community notifications by email."),
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("community preference")
        verbose_name_plural = _("community preferences")

    def __str__(self):
        return f"{self.person_id}: {self.digest}"



class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or unkind")
    PRIVACY = "privacy", _("Shares personal data")
    INCORRECT = "incorrect", _("Incorrect or unsafe advice")
    DUPLICATE = "duplicate", _("Duplicate question")
    OTHER = "other", _("Something else")
    REVIEW = "review", _("The author edited it and asks for a review")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    Reason = ReportReason

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("post"))
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="reports", verbose_name=_("answer")
    )
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    explanation = models.TextField(_("explanation"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.TextField(_("resolution"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.post_id})"



class ModerationAction(models.TextChoices):
    EDIT = "edit", _("Edited")
    HIDE = "hide", _("Hidden")
    UNHIDE = "unhide", _("Made visible again")
    LOCK = "lock", _("Locked")
    UNLOCK = "unlock", _("Unlocked")
    MERGE = "merge", _("Merged into another question")
    RESOLVE_REPORT = "resolve_report", _("Report handled")
    MARK_SOLUTION = "mark_solution", _("Solution marked by a moderator")
    GRANT_MODERATOR = "grant_moderator", _("Moderator role granted")
    REVOKE_MODERATOR = "revoke_moderator", _("Moderator role revoked")


class ModerationLog(models.Model):
    Action = ModerationAction

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("moderator")
    )
    action = models.CharField(_("action"), max_length=20, choices=ModerationAction.choices)
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answer = models.ForeignKey(Answer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What it was about, kept as text so the log stays readable after a deletion.
    subject = models.CharField(_("subject"), max_length=300)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.subject}"

