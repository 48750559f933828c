# Source: "Spoontify" concert/social Django app, SFUtil helper class over a project DB wrapper
# (SFDBManager.query_data / execute_sql, MySQL, %s binds); read_file / find_string index id
# 21748532600 (the index gave no repository name).
# Classes: 3-wrappers (sf_db.query_data(sentence, sets) / sf_db.execute_sql(sentence, sets)),
# statements kept in local variables (`*_sentence = """…"""`) and run a line or more later,
# alternative statements assigned in if/else branches then run by one call, triple-quoted
# one-line and multi-line literals (multi-line ones opening on the assignment line),
# 4-placeholders (%s), other-dialect (MySQL: table named `user`, AUTO_INCREMENT from
# INFORMATION_SCHEMA.TABLES, positional INSERT … VALUES(0, …)), 7-decoys (banner comments,
# post_type values "concert"/"modrl", form field names 'venueselection', date formats,
# information='I will have a upcoming concert', an empty `update_sentence =''`).
# Adaptations: excerpt: 18 of the class's methods between isSignUpValid and
# getSavedRecommendList kept in their order (about as many similar ones, and the later
# Attending/Rating/Review methods, left out); tab indentation converted to 4 spaces;
# `# expect-next:` appended to the `sf_db = …` line before the three multi-line literals.
# Labelled by hand, blind.
import Singleton
import SFDBManager
import datetime
import time

class SFUtil(object):
    @staticmethod
    def isSignUpValid(username,password,repassword):
        if len(username) < 4:
            return False
        if password != repassword or len(password) < 6:
            return False
        return True

    @staticmethod
    def isArtist(username):
        sf_db = SFDBManager.SFDBManager()
        check_artist_sentence = """SELECT * FROM artist WHERE artist_name = %s"""  # expect: static
        sets = [username]
        check_back_data = sf_db.query_data(check_artist_sentence,sets)
        if not check_back_data:
            return False
        return True

    @staticmethod
    def updateAccessTime(username,is_artist):
        sf_db = SFDBManager.SFDBManager()
        update_sentence =''
        if is_artist:
            update_sentence = """UPDATE artist SET last_access_time = NOW() WHERE artist_name = %s"""  # expect: static
        else:
            update_sentence = """UPDATE user SET last_access_time = NOW() WHERE user_name = %s"""  # expect: static
        sets = [username]
        sf_db.execute_sql(update_sentence, sets)
        return

    @staticmethod
    def checkUserType(username):
        sf_db = SFDBManager.SFDBManager()
        check_user_set = [username]
        check_is_user_sentence = """SELECT * FROM user WHERE user_name = %s"""  # expect: static
        check_is_user_back_data = sf_db.query_data(check_is_user_sentence, check_user_set)
        if check_is_user_back_data:
            return 2
        check_is_artist_sentence = """SELECT * FROM artist WHERE artist_name = %s"""  # expect: static
        check_is_artist_back_data = sf_db.query_data(check_is_artist_sentence, check_user_set)
        if check_is_artist_back_data:
            return 1
        return 0


    @staticmethod
    def isUAlogin(request):
        if "username" in request.session:
            return True

    @staticmethod
    def getGenreList():
        sf_db = SFDBManager.SFDBManager()
        genre_option_query_sentence = """SELECT DISTINCT genre FROM type_category"""  # expect: static
        genre_list = sf_db.query_data(genre_option_query_sentence)
        return genre_list

    @staticmethod
    def getVenueList():
        sf_db = SFDBManager.SFDBManager()
        venue_query_sentence = """SELECT venue_name FROM venue"""  # expect: static
        venue_list = sf_db.query_data(venue_query_sentence)
        return venue_list

    @staticmethod
    def getAllComingConcertList():
        sf_db = SFDBManager.SFDBManager()
        return sf_db.query_data("""SELECT * FROM concert WHERE concert.hold_time > NOW()""",[])  # expect: static

    @staticmethod
    def getAllPastConcertList():
        sf_db = SFDBManager.SFDBManager()
        return sf_db.query_data("""SELECT * FROM concert WHERE concert.hold_time < NOW()""",[])  # expect: static


    @staticmethod
    def getNewConcertList(user_name):
        sf_db = SFDBManager.SFDBManager()  # expect-next: static
        concert_query_sentence = """SELECT DISTINCT concert_id, title FROM concert
        WHERE create_time > (SELECT last_access_time FROM user WHERE user_name = %s)"""
        concert_user_set = [user_name]
        concert_list = sf_db.query_data(concert_query_sentence, concert_user_set)
        return concert_list

# ====================================================
# 
#     Like and Follow
# 
# ====================================================    

    @staticmethod
    def changeLikedState(username,artistname):
        sf_db = SFDBManager.SFDBManager()
        change_likes_exe_set = [username, artistname]
        if not SFUtil.checkIsLiked(username=username, artistname=artistname):
            change_likes_exe_sentence = """INSERT INTO like_artist VALUES(%s,%s,NOW())"""  # expect: static
        else:
            change_likes_exe_sentence = """DELETE FROM like_artist WHERE from_user =%s AND to_artist = %s"""  # expect: static
        sf_db.execute_sql(change_likes_exe_sentence,change_likes_exe_set)
        return

    @staticmethod
    def getLikedArtist(username):
        sf_db = SFDBManager.SFDBManager()
        return sf_db.query_data("""SELECT to_artist FROM like_artist WHERE from_user = %s""", [username])  # expect: static

# ====================================================
# 
#     Post List stuffs
# 
# ====================================================
    @staticmethod
    def getPostListForConcert(concert_id):
        sf_db = SFDBManager.SFDBManager()  # expect-next: static
        about_this_concert_query_sentence = """SELECT post.post_id, post.user_name, post.artist_name, post.concert_id, concert.title, post.information, post.create_date, post.recommend_list_id, post.post_type
            FROM post LEFT JOIN concert ON post.concert_id = concert.concert_id WHERE post.concert_id = %s ORDER BY post.create_date DESC"""
        about_this_concert_set = [concert_id]
        return sf_db.query_data(about_this_concert_query_sentence, about_this_concert_set)


    @staticmethod
    def getPostListForUserFeed(username):
        sf_db = SFDBManager.SFDBManager()  # expect-next: static
        post_list_query_sentence = """SELECT post.post_id, post.user_name, post.artist_name, post.concert_id, concert.title, post.information, post.create_date, post.recommend_list_id, post.post_type
        FROM post LEFT JOIN concert ON post.concert_id = concert.concert_id 
        WHERE post.user_name = %s OR post.artist_name IN (SELECT to_artist FROM like_artist WHERE from_user=%s) 
        OR post.user_name IN (SELECT to_user FROM follow_user WHERE from_user=%s)
        ORDER BY post.create_date DESC"""
        post_list_set = [username, username,username]
        return sf_db.query_data(post_list_query_sentence, post_list_set)


    @staticmethod
    def createPost(username=None, artistname=None, concert_id=None, information="", recommend_list_id=None, post_type="basic"):
        sf_db = SFDBManager.SFDBManager()
        insert_post_sentence = """INSERT INTO post VALUES (0, %s, %s, %s, %s, %s, %s, NOW())"""  # expect: static
        insert_post_set = [username, artistname, concert_id, recommend_list_id, information, post_type]
        sf_db.execute_sql(insert_post_sentence, insert_post_set)
        return


# ===============================================================
# 
#     Concert Discuss Post stuffs
# 
# ===============================================================

    @staticmethod
    def createConcertandPost(request):
        sf_db = SFDBManager.SFDBManager()
        concert_data_query_sentence = """SELECT AUTO_INCREMENT FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'spoontifyDB' AND TABLE_NAME = 'concert'"""  # expect: static
        check_concert_back_data = sf_db.query_data(concert_data_query_sentence)
        concertID = int(check_concert_back_data[0][0])
        # convert data time format to normal time format
        concert_datetime = datetime.datetime.strptime(request.POST.get('concert_time_input'), "%Y-%m-%d %H:%M")
        if request.session['is_artist']:
            # if creator is artist
            concert_time_insert_sentence = """INSERT INTO concert VALUES(0, %s,%s, NULL, %s, %s, %s, NOW(), NOW(), %s)"""  # expect: static
            ctsets = [request.POST.get('concert_title_input'), request.session['username'],request.POST.get('descript_input') ,request.POST.get('venueselection'),concert_datetime.strftime('%Y-%m-%d %H:%M:%S'), request.POST.get('hyperlink_input')]
        else:
            # if creator is user, not artist
            # user create concert
            concert_time_insert_sentence = """INSERT INTO concert VALUES(0, %s,%s, %s, %s, %s, %s, NOW(), NOW(), %s)"""  # expect: static
            ctsets = [request.POST.get('concert_title_input'), request.POST.get('uartistselection'),request.session['username'],request.POST.get('descript_input') ,request.POST.get('venueselection'),concert_datetime.strftime('%Y-%m-%d %H:%M:%S'), request.POST.get('hyperlink_input')]
        sf_db.execute_sql(concert_time_insert_sentence, ctsets)
        checked_concerttype_list = request.POST.getlist('checks')
        for eachtype in checked_concerttype_list:
            insert_concerttype_sentence = """INSERT INTO concert_type VALUES(%s,%s)"""  # expect: static
            ctchecksets = [concertID, eachtype]
            sf_db.execute_sql(insert_concerttype_sentence, ctchecksets)
        if request.session['is_artist']:
            SFUtil.createPost(username=None, artistname=request.session['username'], concert_id=concertID, information='I will have a upcoming concert', recommend_list_id=None, post_type="concert")
        else:
            SFUtil.createPost(username=request.session['username'], artistname=request.POST.get('uartistselection'), concert_id=concertID, information='I just add a concert', recommend_list_id=None, post_type="ucon")
        return concertID

# ===============================================================
# 
#     recommend list stuffs
# 
# ===============================================================

    @staticmethod
    def createRecommendCell(recommend_list_id, concert_id):
        sf_db = SFDBManager.SFDBManager()
        create_rc_sentence = """INSERT INTO recommend_cell VALUES (%s, %s, NOW())"""  # expect: static
        create_rc_set = [recommend_list_id, concert_id]
        sf_db.execute_sql(create_rc_sentence, create_rc_set)
        rlcreator = sf_db.query_data("""SELECT user_name, recommend_list_title FROM recommend_list WHERE recommend_list_id = %s""",[recommend_list_id])  # expect: static
        concertholder = sf_db.query_data("""SELECT artist_name FROM concert WHERE concert_id = %s""",[concert_id])  # expect: static
        concert_title = sf_db.query_data("""SELECT title FROM concert WHERE concert_id = %s""",[concert_id])  # expect: static
        SFUtil.createPost(username=rlcreator[0][0], artistname=concertholder[0][0], concert_id=concert_id, information=rlcreator[0][1], recommend_list_id=recommend_list_id, post_type="modrl")
        
        sf_db.execute_sql("""UPDATE recommend_list SET last_modify = NOW() WHERE recommend_list_id = %s""", [recommend_list_id])  # expect: static
        return        


    @staticmethod
    def getSavedRecommendList(username, concert_id):
        sf_db = SFDBManager.SFDBManager()
        savedrl_query_sentence = """SELECT recommend_list.recommend_list_id, recommend_list.recommend_list_title FROM recommend_list RIGHT JOIN recommend_cell ON recommend_list.recommend_list_id = recommend_cell.recommend_list_id WHERE recommend_list.user_name = %s AND recommend_cell.concert_id = %s"""  # expect: static
        savedrl_query_set = [username, concert_id]
        return  sf_db.query_data(savedrl_query_sentence, savedrl_query_set)
