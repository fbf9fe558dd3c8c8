// @name users.count
// @mode read
// @returns n: how many users exist, admins: how many enabled admins
MATCH (u:User)
RETURN count(u) AS n,
       count(CASE WHEN u.role = 'admin' AND NOT u.disabled THEN 1 END) AS admins
