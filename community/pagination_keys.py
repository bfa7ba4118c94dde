"""What the forum list's cached total depends on (watched from CommunityConfig.ready)."""

FORUM_LIST_READS = ("community.Post", "community.TaggedPost", "community.Follow")
