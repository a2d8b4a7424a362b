"""The Ads section (inre spaning and outreach): the ad register's search, registration and
import, same-advertiser proposals, the hotel and taxi directory with its sheet deliveries,
tips; and the case screen's linked ads (``case_ads``, ``link_dialog``)."""
