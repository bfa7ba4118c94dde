"""What the forum list's cached total depends on (watched from CommunityConfig.ready)."""

FORUM_LIST_READS = ("community.Post", "community.TaggedPost", "community.Follow")

# What a question's "related" section (study days, articles, internship experiences) reads.
RELATED_READS = (*FORUM_LIST_READS, "wagtailcore", "courses", "taggit", "community.VmboProfile")
