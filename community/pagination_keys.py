"""What the forum's cached parts depend on (watched from CommunityConfig.ready)."""

FORUM_LIST_READS = ("community.Post", "community.TaggedPost", "community.Follow")

# What a question's "related" section (study days, articles, internship experiences) reads.
RELATED_READS = (*FORUM_LIST_READS, "wagtailcore", "courses", "taggit", "community.VmboProfile")

# What search's cached index of articles and study days reads (labels, not imports: community
# imports no other app). Publishing saves the specific page and writes a log entry (wagtailcore).
PAGE_SEARCH_READS = (
    "wagtailcore", "taggit", "community.ArticlePage", "community.ArticlePageTag",
    "courses.StudyDayPage", "courses.StudyDayPageTag",
)
