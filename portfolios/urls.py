

app_name = "portfolios"
urlpatterns = []
