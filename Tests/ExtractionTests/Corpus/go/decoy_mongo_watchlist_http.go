// Sources (MongoDB code, no SQL database; the index gave no repository names):
//   part 1: Netflix-watchlist REST API controller (gorilla/mux + mongo-driver, module
//           github.com/prabhat8991/mongoapi from an import path), read_file index id 13372124273 (whole file)
//   part 2: a Mongo migration "add_members_weight", package migrations, read_file index id 28719053153 (whole file)
// Classes: decoy-only (no label: any finding here is a false positive). MongoDB filters and updates
//   (`bson.M{"$set": bson.M{"watched": true}}`, `bson.M{"$unset": …}`, `bson.M{"weight": bson.M{"$exists": false}}`),
//   driver calls named like SQL verbs (`InsertOne`, `UpdateOne`, `DeleteMany`, `UpdateMany`, `Find`),
//   HTTP method names in headers (`"Allow-Control-Allow-Methods", "DELETE"` / "PUT" / "POST"), log texts
//   ("Deleted All movies successfully..", "Inserted 1 Movie in db with id: ", "Updated one movie
//   successfully.."), error texts ("failed to remove weight from orgMembers: %w"), comments
//   ("// Delete all records", "// Update one record", "// insert 1 record"), a migration name.
// Adaptations: two files of different packages concatenated under `package controller`; part 2's
//   `package migrations` line and its duplicate imports dropped (its `AddMigration` is defined elsewhere in
//   that package). The MongoDB connection string of part 1 contained a user name and password: it was
//   replaced by a placeholder URI. Otherwise verbatim.
package controller

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"

	"github.com/gorilla/mux"
	"github.com/prabhat8991/mongoapi/model"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// ---- part 1 (id 13372124273) ----
const connectionString = "mongodb+srv://USER:PASSWORD@cluster0.example.mongodb.net/?retryWrites=true&w=majority&appName=Cluster0"
const dbName = "netflix"
const colName = "watchlist"

//MOST IMP

var collection *mongo.Collection

// connect with Mongo db
// init method runs only once initially
func init() {
	//client options
	clientOptions := options.Client().ApplyURI(connectionString)

	//connect to mongo db
	//
	client, err := mongo.Connect(context.TODO(), clientOptions)

	if err != nil {
		log.Fatal(err)
	}

	fmt.Println("Mongo Db connection success")

	collection = client.Database(dbName).Collection(colName)

	//collection instance
	fmt.Println("Collection reference is ready")
}

//Mongo db helpers

// insert 1 record
func insertOneMovie(movie model.Netflix) {
	inserted, err := collection.InsertOne(context.Background(), movie)

	if err != nil {
		log.Fatal(err)
	}

	fmt.Println("Inserted 1 Movie in db with id: ", inserted.InsertedID)
}

// Update one record
func updateOneMovie(movieId string) {
	id, _ := primitive.ObjectIDFromHex(movieId)
	filter := bson.M{"_id": id}
	update := bson.M{"$set": bson.M{"watched": true}}
	result, err := collection.UpdateOne(context.Background(), filter, update)

	if err != nil {
		log.Fatal(err)
	}

	fmt.Println("Updated one movie successfully..", result.UpsertedID)
}

// Delete one record
func deleteOneMovie(movieId string) {
	id, _ := primitive.ObjectIDFromHex(movieId)
	filter := bson.M{"_id": id}
	result, err := collection.DeleteOne(context.Background(), filter)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Deleted one movie successfully..", result.DeletedCount)
}

// Delete all records
func deleteAllMovies() int64 {
	result, err := collection.DeleteMany(context.Background(), bson.D{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Deleted All movies successfully..", result.DeletedCount)
	return result.DeletedCount
}

//get all movies

func getAllMovies() []primitive.M {
	cursor, err := collection.Find(context.Background(), bson.M{})
	if err != nil {
		log.Fatal(err)
	}
	var movies []primitive.M

	for cursor.Next(context.Background()) {
		var movie bson.M
		err := cursor.Decode(&movie)
		if err != nil {
			log.Fatal(err)
		}
		movies = append(movies, movie)
	}

	defer cursor.Close(context.Background())
	return movies
}

// Actual controller - file
func GetMyAllMovies(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("content-type", "application/x-www-urlencode")
	allMovies := getAllMovies()
	json.NewEncoder(w).Encode(allMovies)
}

func CreateMovie(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("content-type", "application/x-www-urlencode")
	w.Header().Set("Allow-Control-Allow-Methods", "POST")

	var movie model.Netflix
	_ = json.NewDecoder(r.Body).Decode(&movie)
	insertOneMovie(movie)
	json.NewEncoder(w).Encode(movie)
}

func MarkAsWatched(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("content-type", "application/x-www-urlencode")
	w.Header().Set("Allow-Control-Allow-Methods", "PUT")
	params := mux.Vars(r)
	updateOneMovie(params["id"])
	json.NewEncoder(w).Encode(params["id"])
}

func DeleteAMovie(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("content-type", "application/x-www-urlencode")
	w.Header().Set("Allow-Control-Allow-Methods", "DELETE")
	params := mux.Vars(r)
	deleteOneMovie(params["id"])
	json.NewEncoder(w).Encode(params["id"])
}

func DeleteAllMovies(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("content-type", "application/x-www-urlencode")
	w.Header().Set("Allow-Control-Allow-Methods", "DELETE")
	count := deleteAllMovies()
	json.NewEncoder(w).Encode(count)
}

// ---- part 2 (id 28719053153) ----
func init() {
	AddMigration(6, "add_members_weight", upAddMembersWeight, downAddMembersWeight)
}

func upAddMembersWeight(ctx context.Context, database *mongo.Database) error {
	// add weight field with default 1 to all orgMembers
	// if the field already exists, do not overwrite
	_, err := database.Collection("orgMembers").UpdateMany(ctx,
		bson.M{"weight": bson.M{"$exists": false}},
		bson.M{"$set": bson.M{"weight": 1}})
	if err != nil {
		return fmt.Errorf("failed to expire verifications: %w", err)
	}
	return nil
}

func downAddMembersWeight(ctx context.Context, database *mongo.Database) error {
	// remove weight field from all orgMembers
	_, err := database.Collection("orgMembers").UpdateMany(ctx,
		bson.M{"weight": bson.M{"$exists": true}},
		bson.M{"$unset": bson.M{"weight": ""}})
	if err != nil {
		return fmt.Errorf("failed to remove weight from orgMembers: %w", err)
	}
	return nil
}
